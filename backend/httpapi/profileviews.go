package httpapi

import (
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

// profileViewJSON is one organisation's look at the candidate's profile on
// one day (the first time that day, and where).
type profileViewJSON struct {
	ID           int64               `json:"id"`
	Organization organizationSummary `json:"organization"`
	ViewedOn     talent.Date         `json:"viewed_on"`
	FirstSeenAt  time.Time           `json:"first_seen_at"`
	Source       string              `json:"source"`
}

func toProfileViewJSON(v talent.ProfileViewWithOrg) profileViewJSON {
	org := toOrganizationSummary(v.Organization)
	org.ID = v.OrganizationID
	return profileViewJSON{ID: v.ID, Organization: org, ViewedOn: v.On, FirstSeenAt: v.At, Source: v.Source}
}

// myProfileViews lists the organisations that saw the candidate's profile,
// newest first.
func (s *Server) myProfileViews(c *gin.Context) (any, error) {
	p, err := pageOf(c)
	if err != nil {
		return nil, err
	}
	views, err := s.ProfileViews.Mine(c.Request.Context(), actorOf(c), p)
	if err != nil {
		return nil, err
	}
	return page(p, views, func(v talent.ProfileViewWithOrg) int64 { return v.ID }, toProfileViewJSON), nil
}
