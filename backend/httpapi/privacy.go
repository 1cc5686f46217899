package httpapi

import (
	"fmt"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

type eraseRequest struct {
	Password string `json:"password"`
}

type exportAccountJSON struct {
	ID        int64              `json:"id"`
	Email     string             `json:"email"`
	Name      string             `json:"name"`
	Kind      talent.AccountKind `json:"role"`
	Locale    string             `json:"locale"`
	CreatedAt time.Time          `json:"created_at"`
}

type exportSessionJSON struct {
	ID         int64     `json:"id"`
	CreatedAt  time.Time `json:"created_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
	ExpiresAt  time.Time `json:"expires_at"`
	IP         string    `json:"ip"`
	UserAgent  string    `json:"user_agent"`
}

type exportActionJSON struct {
	At        time.Time `json:"at"`
	Method    string    `json:"method"`
	Route     string    `json:"route"`
	Path      string    `json:"path"`
	ObjectID  *int64    `json:"object_id"`
	Status    int       `json:"status"`
	IP        string    `json:"ip"`
	UserAgent string    `json:"user_agent"`
}

type exportRankingJSON struct {
	RoundID int64   `json:"round_id"`
	RoleIDs []int64 `json:"role_ids"`
}

type exportStepJSON struct {
	ApplicationID int64        `json:"application_id"`
	From          talent.Stage `json:"from"`
	To            talent.Stage `json:"to"`
	Reason        string       `json:"reason"`
	At            time.Time    `json:"at"`
}

// exportResponse is everything Setubashi holds about the caller.
type exportResponse struct {
	ExportedAt    time.Time             `json:"exported_at"`
	Account       exportAccountJSON     `json:"account"`
	Profile       *profileResponse      `json:"profile"`
	Consents      []consentEventJSON    `json:"consents"`
	Applications  []applicationResponse `json:"applications"`
	Placements    []placementResponse   `json:"placements"`
	Sessions      []exportSessionJSON   `json:"sessions"`
	ProfileViews  []profileViewJSON     `json:"profile_views"`
	RoundRankings []exportRankingJSON   `json:"round_rankings"`
	StagesMoved   []exportStepJSON      `json:"stages_moved"`
	Organizations []organizationSummary `json:"organizations"`
	Actions       []exportActionJSON    `json:"actions"`
}

// exportMe answers everything held about the caller as a JSON download.
func (s *Server) exportMe(c *gin.Context) (any, error) {
	d, err := s.Privacy.Export(c.Request.Context(), actorOf(c))
	if err != nil {
		return nil, err
	}
	u := d.User
	out := exportResponse{
		ExportedAt: d.ExportedAt,
		Account:    exportAccountJSON{ID: u.ID, Email: u.Email, Name: u.Name, Kind: u.Kind, Locale: u.Locale, CreatedAt: u.CreatedAt},
		Consents:   mapSlice(d.Consents, toConsentEventJSON),
		Applications: mapSlice(d.Applications, func(a talent.Application) applicationResponse {
			r := toApplicationResponse(a)
			r.Timeline = mapSlice(a.Timeline, func(ev talent.StageEvent) stageEventJSON { return toStageEventJSON(ev, a.CandidateID) })
			return r
		}),
		Placements: mapSlice(d.Placements, toPlacementResponse),
		Sessions:   mapSlice(d.Sessions, func(si talent.SessionInfo) exportSessionJSON { return exportSessionJSON(si) }),
		Actions:    mapSlice(d.Actions, func(a talent.ActionOf) exportActionJSON { return exportActionJSON(a) }),
		ProfileViews: mapSlice(d.ProfileViews, func(v talent.ProfileView) profileViewJSON {
			return toProfileViewJSON(talent.ProfileViewWithOrg{ProfileView: v, Organization: d.ViewedBy[v.OrganizationID]})
		}),
		RoundRankings: mapSlice(d.Rankings, func(r talent.RankingOf) exportRankingJSON {
			return exportRankingJSON{RoundID: r.RoundID, RoleIDs: nonNilIDs(r.Ranked)}
		}),
		StagesMoved: mapSlice(d.StageEvents, func(e talent.StageEventOf) exportStepJSON {
			return exportStepJSON{ApplicationID: e.ApplicationID, From: e.From, To: e.To, Reason: e.Reason, At: e.At}
		}),
		Organizations: mapSlice(d.Organizations, toOrganizationSummary),
	}
	if d.Profile != nil {
		p := toProfileResponse(*d.Profile, true)
		out.Profile = &p
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="setubashi-export-%d.json"`, u.ID))
	c.Header("Cache-Control", "no-store")
	return out, nil
}

// eraseMe erases the caller's account (password required) and ends the
// session: 204.
func (s *Server) eraseMe(c *gin.Context, req eraseRequest) (any, error) {
	if err := s.Privacy.Erase(c.Request.Context(), actorOf(c), req.Password); err != nil {
		return nil, err
	}
	s.clearSessionCookie(c)
	return nil, nil
}

// mapSlice converts every element, never returning nil (an empty list is [] in JSON).
func mapSlice[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}
