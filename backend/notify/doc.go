// Package notify runs the job queue (River, on the same database as the
// store): its workers e-mail notifications at once or in a daily digest, run
// saved searches, remind round participants of a closing deadline and purge
// expired idempotency records. The texts of the e-mails come from package
// notice, as the bell's do.
package notify
