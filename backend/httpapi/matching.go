package httpapi

import (
	"bytes"
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
	lang := languageOf(c)
	out := itemsResponse[roleRecommendationJSON]{Items: make([]roleRecommendationJSON, len(recs))}
	for i, r := range recs {
		out.Items[i] = roleRecommendationJSON{Role: toRoleResponse(r.Role, lang, r.Organization), Match: s.toMatchJSON(lang, r.Match)}
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

type hspLiftJSON struct {
	Change  string `json:"change"`
	Points  int    `json:"points"`
	Total   int    `json:"total"`
	Reaches int    `json:"reaches"`
	Text    string `json:"text"`
}

// myHSPResponse is where the signed-in candidate stands for HSP status in a
// role: at their offer's salary, or at the top (assessment) and the bottom
// (low) of the pay range, with what would lift them over 70 or 80 points;
// nothing but the basis for an internship.
type myHSPResponse struct {
	RoleID       int64               `json:"role_id"`
	Basis        talent.HSPBasis     `json:"basis"`
	Category     string              `json:"category,omitempty"`
	SalaryJPY    int64               `json:"salary_jpy"`
	Assessment   *matching.HSPReport `json:"assessment"`
	LowSalaryJPY int64               `json:"low_salary_jpy"`
	Low          *matching.HSPReport `json:"low"`
	Lifts        []hspLiftJSON       `json:"lifts"`
}

// reasonText renders a reason in lang.
func (s *Server) reasonText(lang string) func(talent.Reason) string {
	return func(r talent.Reason) string { return s.render(lang, r.ID, r.Args) }
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
	return matching.NewHSPReport(matching.AssessHSP(in), s.reasonText(languageOf(c))), nil
}

// myHSP assesses the signed-in candidate from their profile for a role
// (?role_id=, required): at their offer's salary, or at both ends of the
// role's pay range, and says what would lift them.
func (s *Server) myHSP(c *gin.Context) (any, error) {
	roleID, err := strconv.ParseInt(c.Query("role_id"), 10, 64)
	if err != nil || roleID <= 0 {
		var v talent.Validator
		v.Add("role_id", "required")
		return nil, v.Err()
	}
	standing, err := s.HSP.Mine(c.Request.Context(), actorOf(c), roleID)
	if err != nil {
		return nil, err
	}
	text := s.reasonText(languageOf(c))
	out := myHSPResponse{RoleID: standing.RoleID, Basis: standing.Basis, Category: standing.Category, Lifts: []hspLiftJSON{}}
	if standing.Basis == talent.HSPNotApplicable {
		return out, nil
	}
	high, low := matching.NewHSPReport(standing.High, text), matching.NewHSPReport(standing.Low, text)
	out.SalaryJPY, out.Assessment, out.LowSalaryJPY, out.Low = standing.HighSalary, &high, standing.LowSalary, &low
	for _, l := range standing.Lifts {
		out.Lifts = append(out.Lifts, hspLiftJSON{Change: l.Change, Points: l.Points, Total: l.Total, Reaches: l.Reaches, Text: text(l.Reason)})
	}
	return out, nil
}
