package httpapi_test

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// languages are the languages every answer is checked in.
var languages = []string{"en", "ja", "hi"}

// reasonAnswer is one explanation as the API writes it.
type reasonAnswer struct {
	Code string `json:"code"`
	Text string `json:"text"`
}

// matchAnswer is a match score as the API writes it.
type matchAnswer struct {
	Score      int            `json:"score"`
	Eligible   bool           `json:"eligible"`
	Blockers   []reasonAnswer `json:"blockers"`
	Components []struct {
		Name    string         `json:"name"`
		Points  float64        `json:"points"`
		Weight  float64        `json:"weight"`
		Reasons []reasonAnswer `json:"reasons"`
	} `json:"components"`
}

// reasons returns every reason of a match: blockers, then the components'.
func (m matchAnswer) reasons() []reasonAnswer {
	out := slices.Clone(m.Blockers)
	for _, c := range m.Components {
		out = append(out, c.Reasons...)
	}
	return out
}

// reason returns the first reason with the code, failing the test if none.
func (m matchAnswer) reason(t *testing.T, code string) string {
	t.Helper()
	for _, r := range m.reasons() {
		if r.Code == code {
			return r.Text
		}
	}
	t.Fatalf("no reason %s in %+v", code, m)
	return ""
}

// roleRecommendations is the body of GET /api/v1/me/recommendations.
type roleRecommendations struct {
	Items []struct {
		Role struct {
			ID   int64  `json:"id"`
			Type string `json:"type"`
		} `json:"role"`
		Match matchAnswer `json:"match"`
	} `json:"items"`
}

func (r roleRecommendations) ids() []int64 {
	out := make([]int64, len(r.Items))
	for i, it := range r.Items {
		out[i] = it.Role.ID
	}
	return out
}

// candidateRecommendations is the body of GET /api/v1/roles/{id}/recommendations.
type candidateRecommendations struct {
	Items []struct {
		Candidate struct {
			UserID int64  `json:"user_id"`
			Name   string `json:"name"`
		} `json:"candidate"`
		Match matchAnswer `json:"match"`
	} `json:"items"`
}

func (r candidateRecommendations) ids() []int64 {
	out := make([]int64, len(r.Items))
	for i, it := range r.Items {
		out[i] = it.Candidate.UserID
	}
	return out
}

// inLanguage reports whether text is written in lang: Japanese has kana or
// kanji, Hindi has Devanagari, English has neither (proper names such as
// Python and amounts aside).
func inLanguage(lang, text string) bool {
	has := func(tables ...*unicode.RangeTable) bool {
		return strings.IndexFunc(text, func(r rune) bool { return unicode.In(r, tables...) }) >= 0
	}
	japanese, hindi := has(unicode.Hiragana, unicode.Katakana, unicode.Han), has(unicode.Devanagari)
	switch lang {
	case "ja":
		return japanese
	case "hi":
		return hindi
	}
	return !japanese && !hindi
}

// checkReasons fails the test unless every reason has a code and a text in
// lang (not the bare message id a missing translation leaves).
func checkReasons(t *testing.T, lang string, reasons []reasonAnswer) {
	t.Helper()
	if len(reasons) == 0 {
		t.Errorf("%s: no reasons", lang)
	}
	for _, r := range reasons {
		if r.Code == "" || r.Text == "" || r.Text == r.Code || !inLanguage(lang, r.Text) {
			t.Errorf("%s: reason %s is not written in %s: %q", lang, r.Code, lang, r.Text)
		}
	}
}

// getIn calls a GET as session in lang (?lang=, which outranks the saved
// preference), checks 200 and Content-Language, and decodes the body into v.
// It returns the raw body.
func (w *world) getIn(t *testing.T, lang, path, session string, v any) []byte {
	t.Helper()
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	r := w.do(request{method: "GET", path: path + sep + "lang=" + lang, session: session})
	if r.Status != http.StatusOK || r.Header.Get("Content-Language") != lang {
		t.Fatalf("GET %s in %s: status %d, Content-Language %q: %.500s", path, lang, r.Status, r.Header.Get("Content-Language"), r.Body)
	}
	r.JSON(v)
	return r.Body
}

// yen is how each language writes ¥6,000,000 and ¥9,000,000.
var yen = map[string][2]string{"en": {"¥6,000,000", "¥9,000,000"}, "ja": {"¥6,000,000", "¥9,000,000"}, "hi": {"¥60,00,000", "¥90,00,000"}}

// TestRecommendationsForCandidate ranks open roles for a candidate: the
// role whose skills they have first, its twin (same score) next by id, a
// role asking for skills they lack lower, and a role requiring a JLPT level
// they have not passed last, ineligible with the reason. Reasons come in
// each language with the values written for it, and the same data gives the
// same answer twice.
func TestRecommendationsForCandidate(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		twin := w.openRoleOf(w.member, sampleRole(w.org))
		lacking := sampleRole(w.org)
		lacking["required_skills"] = []map[string]any{{"skill": "kubernetes", "min_proficiency": 3}, {"skill": "computer-vision", "min_proficiency": 3}}
		lacking["preferred_skills"] = []map[string]any{}
		mismatch := w.openRoleOf(w.member, lacking)
		needsN2 := w.openRoleOf(w.otherMember, with(sampleRole(w.otherOrg), "japanese", map[string]any{"level": "N2", "mode": "required"}))
		research := w.openRoleOf(w.otherMember, with(sampleRole(w.otherOrg), "type", "research"))
		// Neither a draft nor a closed role is recommended.
		closed := w.openRoleOf(w.member, sampleRole(w.org))
		w.call(http.StatusOK, "POST", fmt.Sprintf("/api/v1/roles/%d/close", closed), w.member, nil)

		for _, lang := range languages {
			var got roleRecommendations
			first := w.getIn(t, lang, "/api/v1/me/recommendations", w.candidate, &got)
			ids := got.ids()
			if len(ids) != 5 || ids[0] != w.role || ids[1] != twin || ids[4] != needsN2 || !slices.Contains(ids, research) || !slices.Contains(ids, mismatch) {
				t.Fatalf("%s: roles %v, want %d, %d first, %d last, with %d and %d between", lang, ids, w.role, twin, needsN2, research, mismatch)
			}
			for i, it := range got.Items {
				m := it.Match
				checkReasons(t, lang, m.reasons())
				if i > 0 {
					prev := got.Items[i-1].Match
					if !prev.Eligible && m.Eligible || prev.Eligible == m.Eligible && (prev.Score < m.Score || prev.Score == m.Score && got.Items[i-1].Role.ID > it.Role.ID) {
						t.Errorf("%s: %v out of order at %d: %+v then %+v", lang, ids, i, prev, m)
					}
				}
				if m.Eligible != (len(m.Blockers) == 0) {
					t.Errorf("%s: role %d eligible %v with blockers %+v", lang, it.Role.ID, m.Eligible, m.Blockers)
				}
			}
			best, last := got.Items[0].Match, got.Items[4].Match
			if !best.Eligible || best.Score != got.Items[1].Match.Score || best.Score <= matchOf(got, mismatch).Score {
				t.Errorf("%s: best %d, twin %d, mismatch %d: want the best tied with its twin and above the mismatch", lang, best.Score, got.Items[1].Match.Score, matchOf(got, mismatch).Score)
			}
			if last.Eligible || len(last.Blockers) != 1 || last.Blockers[0].Code != "match.japanese.below_required" || !strings.Contains(last.Blockers[0].Text, "N2") {
				t.Errorf("%s: role needing N2: eligible %v, blockers %+v", lang, last.Eligible, last.Blockers)
			}
			salary := best.reason(t, "match.salary.within_range")
			if !strings.Contains(salary, yen[lang][0]) || !strings.Contains(salary, yen[lang][1]) {
				t.Errorf("%s: salary reason %q, want %s and %s", lang, salary, yen[lang][0], yen[lang][1])
			}
			if skills := best.reason(t, "match.skills.required_all"); !strings.Contains(skills, "Python") {
				t.Errorf("%s: skills reason %q does not name Python", lang, skills)
			}
			if missing := matchOf(got, mismatch).reason(t, "match.skills.required_none"); !strings.Contains(missing, "Kubernetes") {
				t.Errorf("%s: missing skills reason %q does not name Kubernetes", lang, missing)
			}
			// The same data, the same answer.
			var again roleRecommendations
			if second := w.getIn(t, lang, "/api/v1/me/recommendations", w.candidate, &again); !bytes.Equal(first, second) {
				t.Errorf("%s: a second call answered differently:\n%s\n%s", lang, first, second)
			}
		}

		var some roleRecommendations
		w.getIn(t, "en", "/api/v1/me/recommendations?limit=2", w.candidate, &some)
		if !slices.Equal(some.ids(), []int64{w.role, twin}) {
			t.Errorf("limit=2: %v, want [%d %d]", some.ids(), w.role, twin)
		}
		var researchOnly roleRecommendations
		w.getIn(t, "en", "/api/v1/me/recommendations?type=research", w.candidate, &researchOnly)
		if !slices.Equal(researchOnly.ids(), []int64{research}) || researchOnly.Items[0].Role.Type != "research" {
			t.Errorf("type=research: %v, want [%d]", researchOnly.ids(), research)
		}
		// A candidate who never saved a profile gets recommendations too.
		var fresh roleRecommendations
		w.getIn(t, "en", "/api/v1/me/recommendations", w.signUp("fresh@example.in", "candidate"), &fresh)
		if len(fresh.Items) != 5 {
			t.Errorf("empty profile: %d roles, want 5", len(fresh.Items))
		}
	})
}

// matchOf returns the match of a role in a recommendation list.
func matchOf(r roleRecommendations, roleID int64) matchAnswer {
	for _, it := range r.Items {
		if it.Role.ID == roleID {
			return it.Match
		}
	}
	return matchAnswer{}
}

// strongProfile is a profile that fits the sample role completely.
func strongProfile(name string, discoverable bool) map[string]any {
	return with(sampleProfile(name), "jlpt_level", "N2", "consent_discoverable", discoverable,
		"skills", []map[string]any{{"skill": "python", "proficiency": 5}, {"skill": "pytorch", "proficiency": 5}})
}

// TestRecommendationsForRole ranks for a role's organisation the candidates
// who consented to be discovered, and no others: a complete fit first, then
// two equal candidates by user id. Reasons are worded for the organisation,
// in each language. A role whose deadline has passed makes them ineligible.
func TestRecommendationsForRole(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		asha, ravi := w.userID(w.candidate), w.userID(w.otherCandidate)
		_, meera := w.candidateWith("meera@example.in", strongProfile("Meera Iyer", true))
		_, hidden := w.candidateWith("kiran@example.in", strongProfile("Kiran Das", false))
		path := fmt.Sprintf("/api/v1/roles/%d/recommendations", w.role)
		for _, lang := range languages {
			for _, session := range []string{w.member, w.admin} {
				var got candidateRecommendations
				w.getIn(t, lang, path, session, &got)
				if want := []int64{meera, asha, ravi}; !slices.Equal(got.ids(), want) {
					t.Fatalf("%s: candidates %v, want %v (not %d, who is not discoverable)", lang, got.ids(), want, hidden)
				}
				if got.Items[0].Match.Score <= got.Items[1].Match.Score || got.Items[1].Match.Score != got.Items[2].Match.Score {
					t.Errorf("%s: scores %d, %d, %d: want the complete fit above two equals", lang, got.Items[0].Match.Score, got.Items[1].Match.Score, got.Items[2].Match.Score)
				}
				m := got.Items[1].Match
				checkReasons(t, lang, m.reasons())
				salary := m.reason(t, "match.salary.within_range_org")
				if !strings.Contains(salary, yen[lang][0]) {
					t.Errorf("%s: salary reason %q, want %s", lang, salary, yen[lang][0])
				}
			}
		}
		var one candidateRecommendations
		w.getIn(t, "en", path+"?limit=1", w.member, &one)
		if !slices.Equal(one.ids(), []int64{meera}) {
			t.Errorf("limit=1: %v, want [%d]", one.ids(), meera)
		}
		for _, session := range []string{w.otherMember, w.candidate, w.ministry} {
			w.call(http.StatusNotFound, "GET", path, session, nil)
		}
		w.call(http.StatusNotFound, "GET", fmt.Sprintf("/api/v1/roles/%d/recommendations", w.draftRole), w.otherMember, nil)

		// A role whose deadline has passed makes every candidate
		// ineligible, saying so with the date written in each language.
		late := w.call(http.StatusCreated, "POST", "/api/v1/roles", w.member, with(sampleRole(w.org), "deadline", "2025-06-30")).ID()
		dates := map[string]string{"en": "30 Jun 2025", "ja": "2025年6月30日", "hi": "30 जून 2025"}
		for _, lang := range languages {
			var got candidateRecommendations
			w.getIn(t, lang, fmt.Sprintf("/api/v1/roles/%d/recommendations", late), w.member, &got)
			if len(got.Items) != 3 {
				t.Fatalf("%s: %d candidates, want 3", lang, len(got.Items))
			}
			for _, it := range got.Items {
				m := it.Match
				if m.Eligible || len(m.Blockers) != 1 || m.Blockers[0].Code != "match.deadline_passed" || !strings.Contains(m.Blockers[0].Text, dates[lang]) {
					t.Errorf("%s: eligible %v, blockers %+v; want match.deadline_passed naming %s", lang, m.Eligible, m.Blockers, dates[lang])
				}
				checkReasons(t, lang, m.Blockers)
			}
		}
	})
}

// applicationsByMatch is GET /roles/{id}/applications?sort=match.
type applicationsByMatch struct {
	Items []struct {
		ID          int64        `json:"id"`
		CandidateID int64        `json:"candidate_id"`
		Match       *matchAnswer `json:"match"`
	} `json:"items"`
	NextCursor string `json:"next_cursor"`
}

func (r applicationsByMatch) candidates() []int64 {
	out := make([]int64, len(r.Items))
	for i, it := range r.Items {
		out[i] = it.CandidateID
	}
	return out
}

// TestApplicantsByMatch sorts a role's applicants by match for its
// organisation: eligible applicants first (a required JLPT level is a hard
// requirement, whatever the score), then by score, then by application id;
// an applicant who stopped sharing their profile has no match and comes
// last. The default order stays newest first, without matches.
func TestApplicantsByMatch(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		role := w.openRoleOf(w.member, with(sampleRole(w.org), "japanese", map[string]any{"level": "N3", "mode": "required"}))
		weak := with(sampleProfile("Dev Patel"), "jlpt_level", "N2", "skills", []map[string]any{{"skill": "python", "proficiency": 1}},
			"education", []map[string]any{{"level": "bachelor", "institution": "NIT Trichy", "field": "Mechanical Engineering", "year": 2024}})
		meeraSession, meera := w.candidateWith("meera@example.in", strongProfile("Meera Iyer", false))
		devSession, dev := w.candidateWith("dev@example.in", weak)
		asha, ravi := w.userID(w.candidate), w.userID(w.otherCandidate)
		apps := fmt.Sprintf("/api/v1/roles/%d/applications", role)
		for _, s := range []string{w.candidate, w.otherCandidate, devSession, meeraSession} {
			w.call(http.StatusCreated, "POST", apps, s, nil)
		}
		for _, lang := range languages {
			var got applicationsByMatch
			w.getIn(t, lang, apps+"?sort=match", w.member, &got)
			if want := []int64{meera, dev, asha, ravi}; !slices.Equal(got.candidates(), want) || got.NextCursor != "" {
				t.Fatalf("%s: applicants %v (next %q), want %v", lang, got.candidates(), got.NextCursor, want)
			}
			for _, it := range got.Items {
				if it.Match == nil {
					t.Fatalf("%s: application %d has no match", lang, it.ID)
				}
				checkReasons(t, lang, it.Match.reasons())
			}
			if d, s := got.Items[1].Match, got.Items[2].Match; !d.Eligible || s.Eligible || d.Score >= s.Score {
				t.Fatalf("%s: the fixture needs an eligible applicant scoring below an ineligible one: %+v, %+v", lang, d, s)
			}
			if b := got.Items[2].Match.Blockers; len(b) != 1 || b[0].Code != "match.japanese.below_required" {
				t.Errorf("%s: blockers %+v, want match.japanese.below_required", lang, b)
			}
		}
		var two applicationsByMatch
		w.getIn(t, "en", apps+"?sort=match&limit=2", w.member, &two)
		if !slices.Equal(two.candidates(), []int64{meera, dev}) {
			t.Errorf("limit=2: %v, want [%d %d]", two.candidates(), meera, dev)
		}
		var newest applicationsByMatch
		w.getIn(t, "en", apps, w.member, &newest)
		if !slices.Equal(newest.candidates(), []int64{meera, dev, ravi, asha}) || newest.Items[0].Match != nil {
			t.Errorf("default order: %v, want newest first without matches", newest.candidates())
		}

		// Dev stops sharing his profile: no match, last.
		w.call(http.StatusOK, "PUT", "/api/v1/me/profile", devSession, with(weak, "consent_share_with_applied", false))
		var after applicationsByMatch
		w.getIn(t, "en", apps+"?sort=match", w.member, &after)
		if !slices.Equal(after.candidates(), []int64{meera, asha, ravi, dev}) || after.Items[3].Match != nil {
			t.Errorf("after Dev withdrew consent: %v, want [%d %d %d %d] and no match for Dev", after.candidates(), meera, asha, ravi, dev)
		}
		for _, s := range []string{w.otherMember, w.candidate} {
			w.call(http.StatusNotFound, "GET", apps+"?sort=match", s, nil)
		}
	})
}
