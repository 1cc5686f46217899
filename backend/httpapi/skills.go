package httpapi

import (
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

// Limits of GET /api/v1/skills.
const (
	defaultSkillLimit = 10
	maxSkillLimit     = 50
	maxSkillQuery     = 100
)

// skillJSON is one skill of an autocomplete answer, labelled in the caller's
// language.
type skillJSON struct {
	Slug        string `json:"slug"`
	Label       string `json:"label"`
	Domain      string `json:"domain"`
	DomainLabel string `json:"domain_label"`
	// Matched is the label or alias that matched the query, in whatever
	// language it is written ("" for an empty query).
	Matched string `json:"matched"`
}

// skillList is the answer of GET /api/v1/skills.
type skillList struct {
	Items []skillJSON `json:"items"`
}

// searchSkills autocompletes skill names in any language: ?q= (at most 100
// characters; empty lists the top-level skills) and ?limit= (1–50, default
// 10). Bad parameters are ErrInvalid naming them.
func (s *Server) searchSkills(c *gin.Context) (any, error) {
	var v talent.Validator
	q := c.Query("q")
	v.Text("q", q, 0, maxSkillQuery)
	limit := defaultSkillLimit
	if raw, ok := c.GetQuery("limit"); ok {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > maxSkillLimit {
			v.Add("limit", "out_of_range", "Min", 1, "Max", maxSkillLimit)
		}
		limit = n
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	lang := languageOf(c)
	out := skillList{Items: []skillJSON{}}
	for _, m := range s.skills.Search(q, limit) {
		item := skillJSON{Slug: m.Skill.Slug, Label: m.Skill.Labels.In(lang), Domain: m.Skill.Domain, Matched: m.Matched}
		if d, ok := s.skills.Domain(m.Skill.Domain); ok {
			item.DomainLabel = d.Labels.In(lang)
		}
		out.Items = append(out.Items, item)
	}
	c.Header("Cache-Control", "public, max-age=3600")
	return out, nil
}
