// Package progress is the arithmetic of the goal Setubashi tracks (500
// highly skilled Indian AI professionals in Japan by 2030): pure functions
// over aggregates that the store computes in SQL and hands in. No I/O,
// nothing but the standard library. Days are time.Time values at midnight
// UTC.
//
// # Counting
//
// The store hands in, per day, how many people were counted that day: a
// person counts once, on the day of their first arrival in Japan inside the
// goal's window, through a placement of a type the goal counts. Evaluate
// turns those days into the figures of the goal dashboard; Track does the
// same for a series without a target (internships beside the goal).
//
// # Pace, forecast and status
//
//   - Required pace: the people still missing divided by the months left,
//     counted from today (or from the window's start, before it opens) to
//     the deadline, in average Gregorian months of 30.436875 days.
//   - Actual pace: people counted per month over the last PaceMonths full
//     calendar months before the current one, leaving out months before the
//     window opened (fewer months early on; none in the window's first
//     month).
//   - Projected date: the day the target was reached, or today plus the
//     missing people at the actual pace; none without an actual pace or at a
//     pace of zero.
//   - Status (the rule the dashboard shows):
//     1. on_track once the target is reached;
//     2. off_track when the deadline has passed (or falls today) and it is
//     not reached;
//     3. while no full month of the window has passed, on_track if the
//     count is at least the straight-line trajectory for today, else
//     at_risk (too early to judge by pace);
//     4. otherwise by the ratio of the actual pace to the required pace:
//     on_track at 1 or more (the deadline is met at the recent pace),
//     at_risk from AtRiskRatio (0.8) up to 1, off_track below.
//
// The trajectory is the straight line from 0 on the day before the window
// opens to the target on the deadline, evaluated at the end of each month.
//
// # Funnel
//
// Funnel takes, per application, the furthest pipeline stage it reached
// (skipping a stage counts as passing it) and a histogram of the whole
// hours applications spent in each stage before leaving it, and returns for
// each stage how many applications reached it, the conversion from the
// previous stage, and the median days in the stage (applications still in a
// stage are not in its median).
//
// # Pipeline forecast and milestones
//
// ForecastPipeline forecasts arrivals month by month from the open cases on
// the path from an accepted offer to arrival (each arrives with the product
// of the conversions of the steps it still needs, when their median days
// have passed) and from the flow of newly accepted offers; each step's
// conversion and median days come from the platform's own history once
// MinHistory cases have left it, from a stated fallback before. Ranges are
// 90%: Wilson score intervals on the conversions and the binomial spread of
// the cases. Milestones lists how many people the target implies by the end
// of each year of the window.
//
// # Small counts and publication
//
// Suppress prepares a breakdown of people for the public: see its doc.
// PublishedThrough says up to which day the open figures go: whole months
// only, PublishLagDays after each month ends.
package progress
