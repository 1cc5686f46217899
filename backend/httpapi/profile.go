package httpapi

import (
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

type educationJSON struct {
	Level       string `json:"level"`
	Institution string `json:"institution"`
	Field       string `json:"field"`
	Year        int    `json:"year"`
}

type skillLevelJSON struct {
	Skill       string `json:"skill"`
	Proficiency int    `json:"proficiency"`
}

type researchJSON struct {
	Papers  int `json:"papers"`
	Patents int `json:"patents"`
}

// profileFields are the parts of a profile that read and write alike.
type profileFields struct {
	Name                 string           `json:"name"`
	IndianState          string           `json:"indian_state"`
	City                 string           `json:"city"`
	Education            []educationJSON  `json:"education"`
	ExperienceYears      int              `json:"experience_years"`
	Skills               []skillLevelJSON `json:"skills"`
	Research             researchJSON     `json:"research"`
	JLPTLevel            string           `json:"jlpt_level"`
	EnglishLevel         string           `json:"english_level"`
	WantedRoleTypes      []string         `json:"wanted_role_types"`
	EarliestStart        *talent.Date     `json:"earliest_start"`
	SalaryExpectationJPY *int64           `json:"salary_expectation_jpy"`
	PreferredPrefectures []string         `json:"preferred_prefectures"`
	RemoteOK             bool             `json:"remote_ok"`
}

// profileRequest is everything a candidate may set about themselves.
type profileRequest struct {
	profileFields
	DateOfBirth             *talent.Date `json:"date_of_birth"`
	ConsentShareWithApplied bool         `json:"consent_share_with_applied"`
	ConsentDiscoverable     bool         `json:"consent_discoverable"`
}

// profileResponse is a profile as its owner (or, with consent, a hiring
// organisation) sees it; birth date and consent only for the owner.
type profileResponse struct {
	UserID int64 `json:"user_id"`
	profileFields
	DateOfBirth             *talent.Date `json:"date_of_birth,omitempty"`
	ConsentShareWithApplied *bool        `json:"consent_share_with_applied,omitempty"`
	ConsentDiscoverable     *bool        `json:"consent_discoverable,omitempty"`
	UpdatedAt               *time.Time   `json:"updated_at"`
}

func (r profileRequest) toProfile() talent.Profile {
	p := talent.Profile{
		Name: r.Name, IndianState: r.IndianState, City: r.City, ExperienceYears: r.ExperienceYears,
		Papers: r.Research.Papers, Patents: r.Research.Patents, JLPTLevel: r.JLPTLevel, EnglishLevel: r.EnglishLevel,
		WantedRoleTypes: r.WantedRoleTypes, EarliestStart: r.EarliestStart,
		SalaryExpectationJPY: r.SalaryExpectationJPY, PreferredPrefectures: r.PreferredPrefectures, RemoteOK: r.RemoteOK,
		DateOfBirth:         r.DateOfBirth,
		ConsentShareApplied: r.ConsentShareWithApplied, ConsentDiscoverable: r.ConsentDiscoverable,
	}
	for _, e := range r.Education {
		p.Education = append(p.Education, talent.Education(e))
	}
	for _, s := range r.Skills {
		p.Skills = append(p.Skills, talent.SkillLevel(s))
	}
	return p
}

// toProfileResponse shows a profile; private fields (date of birth, consent)
// only when owner is true.
func toProfileResponse(p talent.Profile, owner bool) profileResponse {
	out := profileResponse{
		UserID: p.UserID,
		profileFields: profileFields{
			Name: p.Name, IndianState: p.IndianState, City: p.City,
			Education: []educationJSON{}, ExperienceYears: p.ExperienceYears, Skills: []skillLevelJSON{},
			Research: researchJSON{Papers: p.Papers, Patents: p.Patents}, JLPTLevel: p.JLPTLevel, EnglishLevel: p.EnglishLevel,
			WantedRoleTypes: nonNilStrings(p.WantedRoleTypes), EarliestStart: p.EarliestStart, SalaryExpectationJPY: p.SalaryExpectationJPY,
			PreferredPrefectures: nonNilStrings(p.PreferredPrefectures), RemoteOK: p.RemoteOK,
		},
	}
	for _, e := range p.Education {
		out.Education = append(out.Education, educationJSON(e))
	}
	for _, s := range p.Skills {
		out.Skills = append(out.Skills, skillLevelJSON(s))
	}
	if !p.UpdatedAt.IsZero() {
		out.UpdatedAt = &p.UpdatedAt
	}
	if owner {
		out.DateOfBirth = p.DateOfBirth
		out.ConsentShareWithApplied, out.ConsentDiscoverable = &p.ConsentShareApplied, &p.ConsentDiscoverable
	}
	return out
}

func (s *Server) getProfile(c *gin.Context) (any, error) {
	p, err := s.Profiles.Mine(c.Request.Context(), actorOf(c))
	if err != nil {
		return nil, err
	}
	return toProfileResponse(p, true), nil
}

func (s *Server) putProfile(c *gin.Context, req profileRequest) (any, error) {
	saved, err := s.Profiles.SaveMine(c.Request.Context(), actorOf(c), req.toProfile(), languageOf(c))
	if err != nil {
		return nil, err
	}
	return toProfileResponse(saved, true), nil
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
