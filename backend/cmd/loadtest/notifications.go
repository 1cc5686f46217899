package main

import (
	"context"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
	"time"
)

// mailCheck is what the check of notifications and their e-mails found.
type mailCheck struct {
	// In the database, for the clients' applications.
	applications int // the clients' applications in the database
	expected     int // members of their roles' organisations, summed: the notifications due
	written      int // application_submitted notifications of those applications
	wrongCount   int // applications whose notifications are not exactly one per member
	noneWritten  int // acknowledged applications without any application_submitted notification
	// In the whole notifications table.
	total      int // notifications
	duplicates int // (user, object, kind) written more than once
	now        int // delivery 'now' to an enabled account: each must be e-mailed once
	nowOff     int // delivery 'now' to a disabled account (nothing is sent)
	emailed    int // of now, with emailed_at set
	// The drain.
	drainTime   time.Duration  // from the end of the load until no delivery job was left
	drained     bool           // false: jobs were still unfinished when the wait ended
	pendingJobs int            // delivery jobs unfinished when the wait ended
	jobStates   map[string]int // delivery jobs by final state
	retried     int            // delivery jobs that needed more than one attempt
	// Latencies of the notifications e-mailed: written → emailed_at (p50,
	// p99, max), and a delivery job's run (attempted_at → finalized_at, p50,
	// p99), in seconds.
	mailLatency [3]float64
	jobRun      [2]float64
	sendSpan    float64 // seconds from the first emailed_at to the last
	// What the SMTP sink received.
	sink        sinkCounts
	idsTwice    int      // Message-IDs that arrived more than once
	extra       int      // messages beyond the first of each Message-ID
	unmatched   int      // Message-IDs that name no 'now' notification (a digest's, or a stranger's)
	notReceived int      // 'now' notifications of which no message has arrived
	twice       []string // what is known of each Message-ID that arrived more than once
}

// unfinished are River's job states that will still run.
const unfinished = `('available', 'pending', 'running', 'retryable', 'scheduled')`

// checkNotifications waits for the delivery jobs to drain (at most
// -drain), then checks the notifications of the clients' applications
// and that every notification due at once was e-mailed exactly once.
func (e *environment) checkNotifications(ctx context.Context, res *results) error {
	m := &res.mail
	if err := e.drain(ctx, res.ended, m); err != nil {
		return err
	}
	acked := map[int64]bool{}
	for _, a := range res.acked {
		acked[a.id] = true
	}
	rows, err := e.sqlDB.QueryContext(ctx, `
		SELECT a.id,
		  (SELECT COUNT(*) FROM organization_members m JOIN roles r ON r.organization_id = m.organization_id
		    WHERE r.id = a.role_id AND m.user_id <> a.candidate_id),
		  (SELECT COUNT(*) FROM notifications n WHERE n.kind = 'application_submitted' AND n.object_id = a.id),
		  (SELECT COUNT(DISTINCT n.user_id) FROM notifications n JOIN roles r ON r.id = a.role_id
		    JOIN organization_members m ON m.organization_id = r.organization_id AND m.user_id = n.user_id
		    WHERE n.kind = 'application_submitted' AND n.object_id = a.id)
		FROM applications a
		WHERE a.candidate_id IN (SELECT id FROM users WHERE email LIKE 'load-%@loadtest.example')`)
	if err != nil {
		return fmt.Errorf("check notifications: %w", err)
	}
	defer func() { _ = rows.Close() }()
	for rows.Next() {
		var id int64
		var members, written, toMembers int
		if err := rows.Scan(&id, &members, &written, &toMembers); err != nil {
			return err
		}
		m.applications++
		m.expected += members
		m.written += written
		if written != members || toMembers != members {
			m.wrongCount++
		}
		if acked[id] && written == 0 {
			m.noneWritten++
		}
		delete(acked, id)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	m.noneWritten += len(acked) // acknowledged but not in the database: no notification either
	return e.checkMail(ctx, m)
}

// drain waits until no notification_deliver job is left to run, or -drain
// has passed, and records how long that took after loadEnded.
func (e *environment) drain(ctx context.Context, loadEnded time.Time, m *mailCheck) error {
	for deadline := time.Now().Add(e.o.drain); ; time.Sleep(100 * time.Millisecond) {
		if err := e.sqlDB.QueryRowContext(ctx, `SELECT COUNT(*) FROM river_job
			WHERE kind = 'notification_deliver' AND state IN `+unfinished).Scan(&m.pendingJobs); err != nil {
			return fmt.Errorf("drain: %w", err)
		}
		m.drainTime = time.Since(loadEnded)
		if m.pendingJobs == 0 {
			m.drained = true
			return nil
		}
		if time.Now().After(deadline) {
			return nil
		}
	}
}

// jobFigures records how the delivery jobs ended and how long e-mails took.
// Unless the jobs drained, the worker is still sending while these and the
// other counts are taken, so they may differ by what it sent meanwhile.
func (e *environment) jobFigures(ctx context.Context, m *mailCheck) error {
	m.jobStates = map[string]int{}
	rows, err := e.sqlDB.QueryContext(ctx, `SELECT state, COUNT(*), COUNT(*) FILTER (WHERE attempt > 1) FROM river_job
		WHERE kind = 'notification_deliver' GROUP BY state`)
	if err != nil {
		return fmt.Errorf("job figures: %w", err)
	}
	defer func() { _ = rows.Close() }()
	for rows.Next() {
		var state string
		var n, retried int
		if err := rows.Scan(&state, &n, &retried); err != nil {
			return err
		}
		m.jobStates[state] = n
		m.retried += retried
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if err := e.sqlDB.QueryRowContext(ctx, `SELECT
		  COALESCE(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM emailed_at - created_at)), 0),
		  COALESCE(percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM emailed_at - created_at)), 0),
		  COALESCE(MAX(EXTRACT(EPOCH FROM emailed_at - created_at)), 0),
		  COALESCE(EXTRACT(EPOCH FROM MAX(emailed_at) - MIN(emailed_at)), 0)
		FROM notifications WHERE emailed_at IS NOT NULL`).Scan(&m.mailLatency[0], &m.mailLatency[1], &m.mailLatency[2], &m.sendSpan); err != nil {
		return fmt.Errorf("job figures: %w", err)
	}
	if err := e.sqlDB.QueryRowContext(ctx, `SELECT
		  COALESCE(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM finalized_at - attempted_at)), 0),
		  COALESCE(percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM finalized_at - attempted_at)), 0)
		FROM river_job WHERE kind = 'notification_deliver' AND state = 'completed'`).Scan(&m.jobRun[0], &m.jobRun[1]); err != nil {
		return fmt.Errorf("job figures: %w", err)
	}
	return nil
}

// checkMail compares the notifications due at once with what the SMTP sink
// received: one message per notification, by its Message-ID
// (notification-<id>@<public host>).
func (e *environment) checkMail(ctx context.Context, m *mailCheck) error {
	if err := e.sqlDB.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM notifications
		GROUP BY user_id, object_id, kind HAVING COUNT(*) > 1) d`).Scan(&m.duplicates); err != nil {
		return fmt.Errorf("check mail: %w", err)
	}
	if err := e.sqlDB.QueryRowContext(ctx, `SELECT COUNT(*) FROM notifications`).Scan(&m.total); err != nil {
		return fmt.Errorf("check mail: %w", err)
	}
	m.sink = e.sink.counts()
	host := "localhost"
	if u, err := url.Parse(e.base); err == nil {
		host = u.Hostname()
	}
	due := map[string]bool{}
	rows, err := e.sqlDB.QueryContext(ctx, `SELECT n.id, n.emailed_at IS NOT NULL, u.disabled FROM notifications n
		JOIN users u ON u.id = n.user_id WHERE n.delivery = 'now'`)
	if err != nil {
		return fmt.Errorf("check mail: %w", err)
	}
	defer func() { _ = rows.Close() }()
	for rows.Next() {
		var id int64
		var emailed, disabled bool
		if err := rows.Scan(&id, &emailed, &disabled); err != nil {
			return err
		}
		if disabled {
			m.nowOff++
			continue
		}
		m.now++
		if emailed {
			m.emailed++
		}
		messageID := fmt.Sprintf("notification-%d@%s", id, host)
		due[messageID] = true
		if len(m.sink.arrivals[messageID]) == 0 {
			m.notReceived++
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range slices.Sorted(maps.Keys(m.sink.arrivals)) {
		at := m.sink.arrivals[id]
		if len(at) > 1 {
			m.idsTwice++
			m.extra += len(at) - 1
			m.twice = append(m.twice, e.explainTwice(ctx, id, at))
		}
		if !due[id] {
			m.unmatched++
		}
	}
	return e.jobFigures(ctx, m)
}

// explainTwice describes a Message-ID that arrived more than once: when,
// and what the delivery job of its notification recorded (attempts, state,
// the errors of its failed attempts), for finding why it was sent again.
func (e *environment) explainTwice(ctx context.Context, messageID string, at []time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "`%s` arrived %d times:", messageID, len(at))
	for _, t := range at {
		fmt.Fprintf(&b, " %s", t.UTC().Format("15:04:05.000"))
	}
	var id int64
	if _, err := fmt.Sscanf(messageID, "notification-%d@", &id); err != nil {
		return b.String()
	}
	var attempt int
	var state, created, emailed, errs string
	err := e.sqlDB.QueryRowContext(ctx, `SELECT j.attempt, j.state::text, to_char(n.created_at, 'HH24:MI:SS.MS'),
		  COALESCE(to_char(n.emailed_at, 'HH24:MI:SS.MS'), '–'),
		  COALESCE((SELECT string_agg(format('attempt %s (started %s): %s', x->>'attempt', x->>'at', x->>'error'), '; ') FROM unnest(j.errors) AS x), '')
		FROM river_job j JOIN notifications n ON n.id = (j.args->>'notification_id')::bigint
		WHERE j.kind = 'notification_deliver' AND n.id = $1`, id).Scan(&attempt, &state, &created, &emailed, &errs)
	if err != nil {
		fmt.Fprintf(&b, " (its job: %v)", err)
		return b.String()
	}
	fmt.Fprintf(&b, "; notification written %s, emailed_at %s; its job %s after %d attempts", created, emailed, state, attempt)
	if errs != "" {
		fmt.Fprintf(&b, ", failed attempts: %s", errs)
	}
	return b.String()
}

// failures says what the notification check proves wrong.
func (m *mailCheck) failures() []error {
	var errs []error
	add := func(bad bool, format string, args ...any) {
		if bad {
			errs = append(errs, fmt.Errorf(format, args...))
		}
	}
	add(m.wrongCount > 0, "%d applications do not have exactly one application_submitted notification per member of the organisation", m.wrongCount)
	add(m.noneWritten > 0, "%d acknowledged applications have no application_submitted notification", m.noneWritten)
	add(m.duplicates > 0, "%d (user, object, kind) notifications written more than once", m.duplicates)
	add(!m.drained, "%d notification_deliver jobs still unfinished %s after the load", m.pendingJobs, m.drainTime.Round(time.Second))
	add(m.emailed != m.now, "%d of %d notifications due at once have no emailed_at", m.now-m.emailed, m.now)
	add(m.sink.messages != m.now, "the SMTP sink received %d messages for %d notifications due at once", m.sink.messages, m.now)
	add(m.idsTwice > 0, "%d Message-IDs arrived more than once (%d extra messages)", m.idsTwice, m.extra)
	add(m.notReceived > 0, "%d notifications due at once were not received", m.notReceived)
	add(m.unmatched > 0, "%d Message-IDs name no notification due at once", m.unmatched)
	add(m.sink.noID > 0, "%d messages arrived without a Message-ID", m.sink.noID)
	return errs
}
