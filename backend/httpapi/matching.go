package httpapi

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/talent"
)

// reasonJSON is one explanation of a score: its stable code and its text in
// the reader's language.
type reasonJSON struct {
	Code string `json:"code"`
	Text string `json:"text"`
}

type componentJSON struct {
	Name    string       `json:"name"`
	Points  float64      `json:"points"`
	Weight  float64      `json:"weight"`
	Reasons []reasonJSON `json:"reasons"`
}

// matchJSON is a match score with its eligibility and reasons.
type matchJSON struct {
	Score      int             `json:"score"`
	Eligible   bool            `json:"eligible"`
	Blockers   []reasonJSON    `json:"blockers"`
	Components []componentJSON `json:"components"`
}

type roleRecommendationJSON struct {
	Role  roleResponse `json:"role"`
	Match matchJSON    `json:"match"`
}

type candidateRecommendationJSON struct {
	Candidate profileResponse `json:"candidate"`
	Match     matchJSON       `json:"match"`
}

type itemsResponse[T any] struct {
	Items []T `json:"items"`
}

func (s *Server) reasons(lang string, rs []talent.Reason) []reasonJSON {
	out := make([]reasonJSON, len(rs))
	for i, r := range rs {
		out[i] = reasonJSON{Code: r.ID, Text: s.render(lang, r.ID, r.Args)}
	}
	return out
}

func (s *Server) toMatchJSON(lang string, m talent.Scored) matchJSON {
	out := matchJSON{Score: m.Score, Eligible: m.Eligible, Blockers: s.reasons(lang, m.Blockers), Components: make([]componentJSON, len(m.Components))}
	for i, c := range m.Components {
		out.Components[i] = componentJSON{Name: c.Name, Points: c.Points, Weight: c.Weight, Reasons: s.reasons(lang, c.Reasons)}
	}
	return out
}

// recommendationLimit reads ?limit= (validated by the service).
func recommendationLimit(c *gin.Context) (int, error) {
	raw, ok := c.GetQuery("limit")
	if !ok {
		return 0, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n == 0 {
		var v talent.Validator
		v.Add("limit", "out_of_range", "Min", 1, "Max", talent.MaxRecommendations)
		return 0, v.Err()
	}
	return n, nil
}

// myRecommendations ranks open roles for the signed-in candidate.
func (s *Server) myRecommendations(c *gin.Context) (any, error) {
	limit, err := recommendationLimit(c)
	if err != nil {
		return nil, err
	}
	recs, err := s.Recommendations.ForMe(c.Request.Context(), actorOf(c), c.Query("type"), limit)
	if err != nil {
		return nil, err
	}
	roles := make([]talent.Role, len(recs))
	for i, r := range recs {
		roles[i] = r.Role
	}
	orgs, err := s.Organizations.OfRoles(c.Request.Context(), roles)
	if err != nil {
		return nil, err
	}
	lang := languageOf(c)
	out := itemsResponse[roleRecommendationJSON]{Items: make([]roleRecommendationJSON, len(recs))}
	for i, r := range recs {
		out.Items[i] = roleRecommendationJSON{Role: toRoleResponse(r.Role, lang, orgs), Match: s.toMatchJSON(lang, r.Match)}
	}
	return out, nil
}

// roleRecommendations ranks discoverable candidates for a role.
func (s *Server) roleRecommendations(c *gin.Context, id int64) (any, error) {
	limit, err := recommendationLimit(c)
	if err != nil {
		return nil, err
	}
	recs, err := s.Recommendations.ForRole(c.Request.Context(), actorOf(c), id, limit)
	if err != nil {
		return nil, err
	}
	lang := languageOf(c)
	out := itemsResponse[candidateRecommendationJSON]{Items: make([]candidateRecommendationJSON, len(recs))}
	for i, r := range recs {
		out.Items[i] = candidateRecommendationJSON{Candidate: toProfileResponse(r.Profile, false), Match: s.toMatchJSON(lang, r.Match)}
	}
	return out, nil
}

// applicantsByMatch is GET /roles/{id}/applications?sort=match: the role's
// applications (optionally in one stage) ranked by how well each applicant
// matches, best first as recommendations are (eligible first, then by
// score, then by application id), at most ?limit= of them (no further
// pages).
func (s *Server) applicantsByMatch(c *gin.Context, roleID int64, p talent.Page) (any, error) {
	ctx, actor := c.Request.Context(), actorOf(c)
	var apps []talent.Application
	for all := (talent.Page{Limit: talent.MaxPageSize}); ; {
		batch, err := s.Applications.ForRole(ctx, actor, roleID, c.Query("stage"), all)
		if err != nil {
			return nil, err
		}
		apps = append(apps, batch...)
		if len(batch) < all.Limit || len(apps) >= maxRankedApplicants {
			break
		}
		all.After = batch[len(batch)-1].ID
	}
	ids := make([]int64, len(apps))
	for i, a := range apps {
		ids[i] = a.CandidateID
	}
	scores, err := s.Recommendations.ScoreApplicants(ctx, actor, roleID, ids)
	if err != nil {
		return nil, err
	}
	// As recommendations rank: eligible before ineligible, then by score,
	// then by id; applicants without a score (no consent to share) last.
	rank := func(a talent.Application) (scored, eligible, score int) {
		rec, ok := scores[a.CandidateID]
		if !ok {
			return 0, 0, 0
		}
		if rec.Match.Eligible {
			eligible = 1
		}
		return 1, eligible, rec.Match.Score
	}
	slices.SortFunc(apps, func(a, b talent.Application) int {
		as, ae, ascore := rank(a)
		bs, be, bscore := rank(b)
		return cmp.Or(cmp.Compare(bs, as), cmp.Compare(be, ae), cmp.Compare(bscore, ascore), cmp.Compare(a.ID, b.ID))
	})
	lang := languageOf(c)
	out := listResponse[applicationResponse]{Items: []applicationResponse{}}
	for _, a := range apps[:min(len(apps), p.Limit)] {
		resp := toApplicationResponse(a)
		if rec, ok := scores[a.CandidateID]; ok {
			m := s.toMatchJSON(lang, rec.Match)
			resp.Match = &m
			profile := toProfileResponse(rec.Profile, false)
			resp.Candidate = &profile
		}
		out.Items = append(out.Items, resp)
	}
	return out, nil
}

// maxRankedApplicants bounds how many applications sort=match ranks.
const maxRankedApplicants = 5000

// hspResultJSON is an HSP / J-Skip / J-Find assessment.
type hspResultJSON struct {
	Points    int           `json:"points"`
	Breakdown []hspItemJSON `json:"breakdown"`
	Eligible  bool          `json:"eligible"`
	FastTrack bool          `json:"fast_track"`
	JSkip     bool          `json:"j_skip"`
	JFind     bool          `json:"j_find"`
	Reasons   []string      `json:"reasons"`
}

type hspItemJSON struct {
	Item   string `json:"item"`
	Points int    `json:"points"`
}

type hspLiftJSON struct {
	Change  string `json:"change"`
	Points  int    `json:"points"`
	Total   int    `json:"total"`
	Reaches int    `json:"reaches"`
	Text    string `json:"text"`
}

// myHSPResponse is the signed-in candidate's assessment against a role's
// pay, with what would lift them over 70 or 80 points.
type myHSPResponse struct {
	RoleID     int64         `json:"role_id"`
	Assessment hspResultJSON `json:"assessment"`
	Lifts      []hspLiftJSON `json:"lifts"`
}

func (s *Server) toHSPJSON(lang string, r matching.HSPResult) hspResultJSON {
	out := hspResultJSON{Points: r.Points, Breakdown: make([]hspItemJSON, len(r.Breakdown)), Eligible: r.Eligible,
		FastTrack: r.FastTrack, JSkip: r.JSkip, JFind: r.JFind, Reasons: make([]string, len(r.Reasons))}
	for i, it := range r.Breakdown {
		out.Breakdown[i] = hspItemJSON(it)
	}
	for i, reason := range r.Reasons {
		out.Reasons[i] = s.render(lang, reason.ID, reason.Args)
	}
	return out
}

// assessHSP is the anonymous calculator: HSP points, J-Skip and J-Find from
// exactly the documented input keys.
func (s *Server) assessHSP(c *gin.Context) (any, error) {
	body, err := readBody(c)
	if err != nil {
		return nil, err
	}
	in, err := matching.DecodeHSPInput(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	return s.toHSPJSON(languageOf(c), matching.AssessHSP(in)), nil
}

// myHSP assesses the signed-in candidate from their profile against a role's
// pay (?role_id=, required) and says what would lift them.
func (s *Server) myHSP(c *gin.Context) (any, error) {
	roleID, err := strconv.ParseInt(c.Query("role_id"), 10, 64)
	if err != nil || roleID <= 0 {
		var v talent.Validator
		v.Add("role_id", "required")
		return nil, v.Err()
	}
	ctx, actor := c.Request.Context(), actorOf(c)
	profile, err := s.Profiles.Mine(ctx, actor)
	if err != nil {
		return nil, err
	}
	role, err := s.Roles.Get(ctx, actor, roleID)
	if err != nil {
		return nil, err
	}
	in, err := matching.HSPInputFromProfile(profile, role, talent.Today())
	if err != nil {
		return nil, err
	}
	lang := languageOf(c)
	out := myHSPResponse{RoleID: roleID, Assessment: s.toHSPJSON(lang, matching.AssessHSP(in)), Lifts: []hspLiftJSON{}}
	for _, l := range matching.WhatWouldLift(in) {
		out.Lifts = append(out.Lifts, hspLiftJSON{Change: l.Change, Points: l.Points, Total: l.Total, Reaches: l.Reaches, Text: s.render(lang, l.Reason.ID, l.Reason.Args)})
	}
	return out, nil
}
