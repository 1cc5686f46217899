package httpapi

import (
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

type applyRequest struct {
	CoverNote string `json:"cover_note"`
}

type transitionRequest struct {
	To     string `json:"to"`
	Reason string `json:"reason"`
}

type withdrawRequest struct {
	Reason string `json:"reason"`
}

// stageEventJSON is one step of an application's timeline; By says whether
// the candidate or the organisation took it.
type stageEventJSON struct {
	From   string    `json:"from"`
	To     string    `json:"to"`
	Reason string    `json:"reason"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

type roleSummary struct {
	ID             int64       `json:"id"`
	OrganizationID int64       `json:"organization_id"`
	Type           string      `json:"type"`
	Status         string      `json:"status"`
	Display        displayJSON `json:"display"`
}

type applicationResponse struct {
	ID          int64            `json:"id"`
	RoleID      int64            `json:"role_id"`
	CandidateID int64            `json:"candidate_id"`
	Stage       string           `json:"stage"`
	CoverNote   string           `json:"cover_note"`
	CreatedAt   time.Time        `json:"created_at"`
	UpdatedAt   time.Time        `json:"updated_at"`
	Timeline    []stageEventJSON `json:"timeline,omitempty"`
	NextStages  []string         `json:"next_stages,omitempty"`
	Role        *roleSummary     `json:"role,omitempty"`
	Candidate   *profileResponse `json:"candidate,omitempty"`
	Match       *matchJSON       `json:"match,omitempty"`
}

func toApplicationResponse(a talent.Application) applicationResponse {
	return applicationResponse{ID: a.ID, RoleID: a.RoleID, CandidateID: a.CandidateID, Stage: a.Stage,
		CoverNote: a.CoverNote, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
}

func applicationID(a talent.Application) int64 { return a.ID }

// toApplicationView shows one application with its timeline, its role in the
// reader's language and, for the organisation, the candidate and next stages.
func toApplicationView(v talent.ApplicationView, lang string, actor talent.Actor) applicationResponse {
	out := toApplicationResponse(v.Application)
	out.Timeline = make([]stageEventJSON, len(v.Timeline))
	for i, ev := range v.Timeline {
		by := "organization"
		if ev.ActorID == v.CandidateID {
			by = "candidate"
		}
		out.Timeline[i] = stageEventJSON{From: ev.From, To: ev.To, Reason: ev.Reason, By: by, At: ev.At}
	}
	title, got := v.Role.Title.In(lang)
	description, _ := v.Role.Description.In(got)
	out.Role = &roleSummary{ID: v.Role.ID, OrganizationID: v.Role.OrganizationID, Type: v.Role.Type, Status: v.Role.Status,
		Display: displayJSON{Language: got, Fallback: got != lang, Title: title, Description: description}}
	if actor.UserID != v.CandidateID {
		out.NextStages = talent.NextStages(v.Stage)
		if v.Candidate != nil {
			profile := toProfileResponse(*v.Candidate, false)
			out.Candidate = &profile
		}
	}
	return out
}

func (s *Server) viewAnswer(c *gin.Context, v talent.ApplicationView, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return toApplicationView(v, languageOf(c), actorOf(c)), nil
}

func (s *Server) apply(c *gin.Context, roleID int64, req applyRequest) (any, error) {
	a, err := s.Applications.Apply(c.Request.Context(), actorOf(c), roleID, req.CoverNote)
	if err != nil {
		return nil, err
	}
	v, err := s.Applications.Get(c.Request.Context(), actorOf(c), a.ID)
	return s.viewAnswer(c, v, err)
}

func (s *Server) getApplication(c *gin.Context, id int64) (any, error) {
	v, err := s.Applications.Get(c.Request.Context(), actorOf(c), id)
	return s.viewAnswer(c, v, err)
}

func (s *Server) transition(c *gin.Context, id int64, req transitionRequest) (any, error) {
	v, err := s.Applications.Transition(c.Request.Context(), actorOf(c), id, req.To, req.Reason)
	return s.viewAnswer(c, v, err)
}

func (s *Server) withdraw(c *gin.Context, id int64, req withdrawRequest) (any, error) {
	v, err := s.Applications.Withdraw(c.Request.Context(), actorOf(c), id, req.Reason)
	return s.viewAnswer(c, v, err)
}

func (s *Server) acceptOffer(c *gin.Context, id int64) (any, error) {
	v, err := s.Applications.Accept(c.Request.Context(), actorOf(c), id)
	return s.viewAnswer(c, v, err)
}

func (s *Server) myApplications(c *gin.Context) (any, error) {
	p, err := pageOf(c)
	if err != nil {
		return nil, err
	}
	apps, err := s.Applications.Mine(c.Request.Context(), actorOf(c), p)
	if err != nil {
		return nil, err
	}
	return page(p, apps, applicationID, toApplicationResponse), nil
}

// roleApplications lists a role's applications, newest first or, with
// ?sort=match, best match first.
func (s *Server) roleApplications(c *gin.Context, roleID int64) (any, error) {
	p, err := pageOf(c)
	if err != nil {
		return nil, err
	}
	switch c.Query("sort") {
	case "", "newest":
	case "match":
		return s.applicantsByMatch(c, roleID, p)
	default:
		var v talent.Validator
		v.OneOf("sort", c.Query("sort"), []string{"newest", "match"})
		return nil, v.Err()
	}
	apps, err := s.Applications.ForRole(c.Request.Context(), actorOf(c), roleID, c.Query("stage"), p)
	if err != nil {
		return nil, err
	}
	return page(p, apps, applicationID, toApplicationResponse), nil
}
