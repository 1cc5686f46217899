package main

import (
	"bufio"
	"cmp"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"time"
)

// report renders the run's figures as Markdown.
func (e *environment) report(r *results) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	elapsed := r.ended.Sub(r.started)
	p("### Run of %s", r.started.UTC().Format("2006-01-02 15:04 MST"))
	p("")
	p("- Machine: %s", machine())
	p("- Load: %d clients for %s (%d seeded candidates, %d open roles), mix 45%% search, 25%% recommendations, 30%% applications",
		e.o.clients, e.o.duration, e.o.candidates, len(e.roles))
	if !e.o.noRestart {
		p("- Fault: `pg_ctlcluster --skip-systemctl-redirect %s %s restart` at %s", e.cluster[0], e.cluster[1], r.restartStart.Sub(r.started).Round(100*time.Millisecond))
	}
	p("")
	p("| figure | value |")
	p("| --- | --- |")
	p("| requests | %d in %s (%.0f/s) |", len(r.samples), elapsed.Round(time.Second), float64(len(r.samples))/elapsed.Seconds())
	all, ok := latencies(r.samples, func(sample) bool { return true }), latencies(r.samples, func(s sample) bool { return s.status/100 == 2 })
	p("| latency, all answers | p50 %s, p99 %s |", pct(all, 50), pct(all, 99))
	p("| latency, 2xx | p50 %s, p99 %s |", pct(ok, 50), pct(ok, 99))
	for _, op := range []string{opSearch, opRecommendations, opApply} {
		l := latencies(r.samples, func(s sample) bool { return s.op == op && s.status/100 == 2 })
		p("| %s (2xx) | %d, p50 %s, p99 %s |", op, len(l), pct(l, 50), pct(l, 99))
	}
	if !e.o.noRestart {
		from, to := r.window()
		p("| restart command | %s |", r.restartEnd.Sub(r.restartStart).Round(10*time.Millisecond))
		p("| /readyz failing from | %s after the restart began |", since(r.firstNotReady, r.restartStart))
		p("| recovery (restart began → /readyz 200) | %s |", since(r.recovered, r.restartStart))
		p("| first acknowledged application after the restart | %s after it began |", since(r.firstOKWrite, r.restartStart))
		p("| restart window | %s (until a second after /readyz recovered) |", to.Sub(from).Round(10*time.Millisecond))
	}
	p("| applications acknowledged (2xx) | %d (%d answered by a retry with the same key, %d of them replays) |", len(r.acked), retried(r), replays(r))
	p("| …of them in the database exactly once | %d (missing %d; candidate–role pairs twice: %d) |", len(r.acked)-r.verifyMissing, r.verifyMissing, r.verifyDuplicates)
	p("| clients' applications in the database never acknowledged | %d |", r.unacknowledged)
	p("| applications given up after 30 s of retries | %d |", r.gaveUp)
	e.reportMail(p, &r.mail)
	p("| 5xx or no answer outside the restart window | %d |", r.outsideWindow5xx())
	p("| server recovered by itself | %v |", yes(r.serverAlive))
	p("| graceful shutdown (SIGTERM → exit) | %s%s |", r.shutdown.Round(time.Millisecond), errSuffix(r.shutdownErr))
	p("| server log | %d errors, %d warnings |", r.logErrors, r.logWarnings)
	p("")
	if len(r.mail.twice) > 0 {
		p("E-mails that arrived more than once:")
		p("")
		for _, t := range r.mail.twice {
			p("- %s", t)
		}
		p("")
	}
	p("Answers by kind (inside / outside the restart window):")
	p("")
	p("| kind | inside | outside |")
	p("| --- | --- | --- |")
	type count struct{ in, out int }
	kinds := map[string]*count{}
	for _, s := range r.samples {
		k := kind(s)
		if kinds[k] == nil {
			kinds[k] = &count{}
		}
		if r.inWindow(s) {
			kinds[k].in++
		} else {
			kinds[k].out++
		}
	}
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		p("| %s | %d | %d |", k, kinds[k].in, kinds[k].out)
	}
	return b.String()
}

// reportMail adds the rows of the notification and e-mail check.
func (e *environment) reportMail(p func(string, ...any), m *mailCheck) {
	p("| application_submitted notifications of the clients' applications | %d written, %d due (one per member of the role's organisation, over %d applications; applications with another number: %d; acknowledged without any: %d) |",
		m.written, m.expected, m.applications, m.wrongCount, m.noneWritten)
	p("| notifications in the database / (user, object, kind) more than once | %d / %d |", m.total, m.duplicates)
	drained := "drained"
	if !m.drained {
		drained = fmt.Sprintf("**not drained**, %d unfinished when the wait ended", m.pendingJobs)
	}
	p("| notification_deliver jobs | %s %s after the load ended; by state: %s; %d needed more than one attempt |",
		drained, m.drainTime.Round(100*time.Millisecond), states(m.jobStates), m.retried)
	sec := func(v float64) time.Duration {
		return time.Duration(v * float64(time.Second)).Round(10 * time.Millisecond)
	}
	p("| e-mail latency (notification written → emailed_at) | p50 %s, p99 %s, max %s; a delivery job's run p50 %s, p99 %s |",
		sec(m.mailLatency[0]), sec(m.mailLatency[1]), sec(m.mailLatency[2]), sec(m.jobRun[0]), sec(m.jobRun[1]))
	if m.sendSpan > 0 {
		p("| sending rate (first to last emailed_at) | %.1f e-mails/s (%d in %s); notifications written at %.1f/s during the load |",
			float64(m.emailed)/m.sendSpan, m.emailed, sec(m.sendSpan), float64(m.total)/e.o.duration.Seconds())
	}
	p("| notifications due at once (delivery now, enabled account) | %d, emailed_at set on %d (%d more to disabled accounts) |", m.now, m.emailed, m.nowOff)
	p("| e-mails received by the SMTP sink | %d in %d SMTP sessions (Message-IDs twice: %d, extra messages: %d; due but not received: %d; received but not due: %d; without Message-ID: %d) |",
		m.sink.messages, m.sink.sessions, m.idsTwice, m.extra, m.notReceived, m.unmatched, m.sink.noID)
}

// states lists job counts by state, in a stable order.
func states(byState map[string]int) string {
	if len(byState) == 0 {
		return "none"
	}
	var parts []string
	for _, s := range slices.Sorted(maps.Keys(byState)) {
		parts = append(parts, fmt.Sprintf("%s %d", s, byState[s]))
	}
	return strings.Join(parts, ", ")
}

func kind(s sample) string {
	switch {
	case s.err != nil:
		return "no answer: " + errKind(s.err)
	case s.code != "":
		return fmt.Sprintf("%d %s", s.status, s.code)
	default:
		return fmt.Sprint(s.status)
	}
}

func errKind(err error) string {
	msg := err.Error()
	for _, k := range []string{"connection refused", "connection reset", "EOF", "timeout", "broken pipe"} {
		if strings.Contains(msg, k) {
			return k
		}
	}
	return "other"
}

func latencies(samples []sample, keep func(sample) bool) []time.Duration {
	var out []time.Duration
	for _, s := range samples {
		if s.err == nil && keep(s) {
			out = append(out, s.end.Sub(s.start))
		}
	}
	slices.SortFunc(out, cmp.Compare)
	return out
}

func pct(sorted []time.Duration, p int) string {
	if len(sorted) == 0 {
		return "–"
	}
	i := min(len(sorted)-1, (len(sorted)*p+99)/100-1)
	return sorted[max(i, 0)].Round(100 * time.Microsecond).String()
}

func since(t, from time.Time) string {
	if t.IsZero() || from.IsZero() {
		return "–"
	}
	return t.Sub(from).Round(10 * time.Millisecond).String()
}

func retried(r *results) int {
	n := 0
	for _, a := range r.acked {
		if a.attempts > 1 {
			n++
		}
	}
	return n
}

func replays(r *results) int {
	n := 0
	for _, a := range r.acked {
		if a.replayed {
			n++
		}
	}
	return n
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func errSuffix(err error) string {
	if err == nil {
		return ""
	}
	return " (" + err.Error() + ")"
}

// machine describes where the run happened.
func machine() string {
	model := "unknown CPU"
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "model name"); ok {
				model = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), ":"))
				break
			}
		}
		_ = f.Close()
	}
	mem := ""
	if f, err := os.Open("/proc/meminfo"); err == nil {
		sc := bufio.NewScanner(f)
		if sc.Scan() {
			var kb int64
			if _, err := fmt.Sscanf(strings.TrimPrefix(sc.Text(), "MemTotal:"), "%d", &kb); err == nil {
				mem = fmt.Sprintf(", %d GiB RAM", (kb+512*1024)/(1024*1024))
			}
		}
		_ = f.Close()
	}
	pg := ""
	if out, err := exec.Command("psql", "--version").Output(); err == nil {
		pg = ", " + strings.TrimSpace(string(out))
	}
	return fmt.Sprintf("%s × %d, %s/%s%s, %s%s (server and clients on the same machine, loopback)", model, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, mem, runtime.Version(), pg)
}
