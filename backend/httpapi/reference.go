package httpapi

import (
	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

// termJSON is a reference value with its label in the caller's language.
type termJSON struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

// referenceSets lists the reference data the API serves, by response key,
// with the message section that labels each set.
var referenceSets = []struct {
	key, section string
	codes        []string
}{
	{"indian_states", "state", talent.IndianStates},
	{"prefectures", "prefecture", talent.Prefectures},
	{"role_types", "role_type", talent.RoleTypes},
	{"organization_kinds", "org_kind", talent.OrganizationKinds},
	{"education_levels", "education", append([]string{"none"}, talent.EducationLevels...)},
	{"jlpt_levels", "jlpt", talent.JLPTLevels},
	{"english_levels", "english", talent.EnglishLevels},
	{"requirement_modes", "requirement_mode", talent.RequirementModes},
	{"remote_options", "remote", talent.RemoteOptions},
	{"stages", "stage", talent.Codes(talent.Stages)},
	{"role_statuses", "role_status", talent.Codes(talent.RoleStatuses)},
	{"visa_statuses", "visa", talent.VisaStatuses},
	{"account_roles", "account_role", talent.Codes(talent.AccountKinds)},
	{"locales", "language", talent.Locales},
}

// reference returns every reference list with labels in the caller's language.
func (s *Server) reference(c *gin.Context) (any, error) {
	lang := languageOf(c)
	out := make(map[string][]termJSON, len(referenceSets))
	for _, set := range referenceSets {
		terms := make([]termJSON, len(set.codes))
		for i, code := range set.codes {
			terms[i] = termJSON{Code: code, Label: s.catalog.Text(lang, set.section+"."+code)}
		}
		out[set.key] = terms
	}
	c.Header("Cache-Control", "public, max-age=3600")
	return out, nil
}
