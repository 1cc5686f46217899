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
	// ShareReason puts the reason in the candidate's notification.
	ShareReason bool `json:"share_reason"`
}

type withdrawRequest struct {
	Reason string `json:"reason"`
}

// stageEventJSON is one step of an application's timeline; By says whether
// the candidate or the organisation took it.
type stageEventJSON struct {
	From   talent.Stage `json:"from"`
	To     talent.Stage `json:"to"`
	Reason string       `json:"reason"`
	By     string       `json:"by"`
	At     time.Time    `json:"at"`
}

type roleSummary struct {
	ID             int64                `json:"id"`
	OrganizationID int64                `json:"organization_id"`
	Organization   *organizationSummary `json:"organization,omitempty"`
	Type           string               `json:"type"`
	Status         talent.RoleStatus    `json:"status"`
	Display        displayJSON          `json:"display"`
}

// toRoleSummary shows a role briefly in the reader's language, with its
// organisation if given.
func toRoleSummary(r talent.Role, lang string, org *talent.Organization) *roleSummary {
	title, got := r.Title.In(lang)
	description, _ := r.Description.In(got)
	out := &roleSummary{ID: r.ID, OrganizationID: r.OrganizationID, Type: r.Type, Status: r.Status,
		Display: displayJSON{Language: got, Fallback: got != lang, Title: title, Description: description}}
	if org != nil {
		summary := toOrganizationSummary(*org)
		out.Organization = &summary
	}
	return out
}

type applicationResponse struct {
	ID          int64            `json:"id"`
	RoleID      int64            `json:"role_id"`
	CandidateID int64            `json:"candidate_id"`
	Stage       talent.Stage     `json:"stage"`
	CoverNote   string           `json:"cover_note"`
	CreatedAt   time.Time        `json:"created_at"`
	UpdatedAt   time.Time        `json:"updated_at"`
	Version     int              `json:"version"`
	Timeline    []stageEventJSON `json:"timeline,omitempty"`
	NextStages  []talent.Stage   `json:"next_stages,omitempty"`
	Role        *roleSummary     `json:"role,omitempty"`
	Candidate   *profileResponse `json:"candidate,omitempty"`
	Match       *matchJSON       `json:"match,omitempty"`
}

func toApplicationResponse(a talent.Application) applicationResponse {
	return applicationResponse{ID: a.ID, RoleID: a.RoleID, CandidateID: a.CandidateID, Stage: a.Stage,
		CoverNote: a.CoverNote, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt, Version: a.Version}
}

// toStageEventJSON shows one step of an application of candidateID.
func toStageEventJSON(ev talent.StageEvent, candidateID int64) stageEventJSON {
	by := "organization"
	if ev.ActorID == candidateID {
		by = "candidate"
	}
	return stageEventJSON{From: ev.From, To: ev.To, Reason: ev.Reason, By: by, At: ev.At}
}

// toApplicationView shows one application with its timeline, the moves the
// reader may make, its role in the reader's language and, for the
// organisation, the candidate.
func toApplicationView(v talent.ApplicationView, lang string) applicationResponse {
	out := toApplicationResponse(v.Application)
	out.Timeline = make([]stageEventJSON, len(v.Timeline))
	for i, ev := range v.Timeline {
		out.Timeline[i] = toStageEventJSON(ev, v.CandidateID)
	}
	out.Role = toRoleSummary(v.Role, lang, nil)
	out.NextStages = v.NextStages
	if v.Candidate != nil {
		profile := toProfileResponse(*v.Candidate, false)
		out.Candidate = &profile
	}
	return out
}

func (s *Server) viewAnswer(c *gin.Context, v talent.ApplicationView, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	setETag(c, v.Version)
	return toApplicationView(v, languageOf(c)), nil
}

func (s *Server) apply(c *gin.Context, roleID int64, req applyRequest) (any, error) {
	v, err := s.Applications.Apply(c.Request.Context(), actorOf(c), roleID, req.CoverNote, claimOf(c))
	return s.viewAnswer(c, v, err)
}

func (s *Server) getApplication(c *gin.Context, id int64) (any, error) {
	v, err := s.Applications.Get(c.Request.Context(), actorOf(c), id)
	return s.viewAnswer(c, v, err)
}

// The moves of an application honour If-Match (412 when the application has
// moved on since the caller read it).

func (s *Server) transition(c *gin.Context, id int64, req transitionRequest) (any, error) {
	version, ifMatch := ifMatchVersion(c)
	v, err := s.Applications.Transition(c.Request.Context(), actorOf(c), id, talent.Stage(req.To), req.Reason, req.ShareReason, version)
	return s.viewAnswer(c, v, preconditionFailed(err, ifMatch))
}

func (s *Server) withdraw(c *gin.Context, id int64, req withdrawRequest) (any, error) {
	version, ifMatch := ifMatchVersion(c)
	v, err := s.Applications.Withdraw(c.Request.Context(), actorOf(c), id, req.Reason, version)
	return s.viewAnswer(c, v, preconditionFailed(err, ifMatch))
}

func (s *Server) myApplications(c *gin.Context) (any, error) {
	p, err := pageOf(c)
	if err != nil {
		return nil, err
	}
	items, err := s.Listings.Mine(c.Request.Context(), actorOf(c), p)
	if err != nil {
		return nil, err
	}
	return s.applicationsAnswer(c, p, items), nil
}

// roleApplications lists a role's applications, newest first or, with
// ?sort=match, best match first (at most ?limit= of them, no further pages).
func (s *Server) roleApplications(c *gin.Context, roleID int64) (any, error) {
	p, err := pageOf(c)
	if err != nil {
		return nil, err
	}
	ctx, actor, stage := c.Request.Context(), actorOf(c), talent.Stage(c.Query("stage"))
	switch c.Query("sort") {
	case "", "newest":
		items, err := s.Listings.ForRole(ctx, actor, roleID, stage, p)
		if err != nil {
			return nil, err
		}
		return s.applicationsAnswer(c, p, items), nil
	case "match":
		items, err := s.Listings.ForRoleByMatch(ctx, actor, roleID, stage, p.Limit)
		if err != nil {
			return nil, err
		}
		out := s.applicationsAnswer(c, p, items)
		out.NextCursor = ""
		return out, nil
	default:
		var v talent.Validator
		v.OneOf("sort", c.Query("sort"), []string{"newest", "match"})
		return nil, v.Err()
	}
}

// applicationsAnswer shows a page of applications with what the list has
// beside each: the role and its organisation, or the applicant and their
// match.
func (s *Server) applicationsAnswer(c *gin.Context, p talent.Page, items []talent.ApplicationItem) listResponse[applicationResponse] {
	lang := languageOf(c)
	return page(p, items, func(it talent.ApplicationItem) int64 { return it.ID }, func(it talent.ApplicationItem) applicationResponse {
		out := toApplicationResponse(it.Application)
		if it.Role != nil {
			out.Role = toRoleSummary(*it.Role, lang, it.Organization)
		}
		if it.Candidate != nil {
			profile := toProfileResponse(*it.Candidate, false)
			out.Candidate = &profile
		}
		if it.Match != nil {
			m := s.toMatchJSON(lang, *it.Match)
			out.Match = &m
		}
		return out
	})
}
