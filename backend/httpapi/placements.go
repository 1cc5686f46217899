package httpapi

import (
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

type placementRequest struct {
	VisaStatus string       `json:"visa_status"`
	StartDate  *talent.Date `json:"start_date"`
}

type arrivalRequest struct {
	ArrivedOn *talent.Date `json:"arrived_on"`
}

type placementResponse struct {
	ID             int64        `json:"id"`
	ApplicationID  int64        `json:"application_id"`
	CandidateID    int64        `json:"candidate_id"`
	RoleID         int64        `json:"role_id"`
	OrganizationID int64        `json:"organization_id"`
	VisaStatus     string       `json:"visa_status"`
	StartDate      talent.Date  `json:"start_date"`
	ArrivedOn      *talent.Date `json:"arrived_on"`
	CreatedAt      time.Time    `json:"created_at"`
}

func toPlacementResponse(p talent.Placement) placementResponse {
	return placementResponse{ID: p.ID, ApplicationID: p.ApplicationID, CandidateID: p.CandidateID, RoleID: p.RoleID,
		OrganizationID: p.OrganizationID, VisaStatus: p.VisaStatus, StartDate: p.StartDate, ArrivedOn: p.ArrivedOn, CreatedAt: p.CreatedAt}
}

func placementAnswer(p talent.Placement, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return toPlacementResponse(p), nil
}

func (s *Server) recordPlacement(c *gin.Context, applicationID int64, req placementRequest) (any, error) {
	return placementAnswer(s.Placements.Record(c.Request.Context(), actorOf(c), applicationID, req.VisaStatus, req.StartDate, claimOf(c)))
}

func (s *Server) applicationPlacement(c *gin.Context, applicationID int64) (any, error) {
	return placementAnswer(s.Placements.OfApplication(c.Request.Context(), actorOf(c), applicationID))
}

func (s *Server) getPlacement(c *gin.Context, id int64) (any, error) {
	return placementAnswer(s.Placements.Get(c.Request.Context(), actorOf(c), id))
}

func (s *Server) recordArrival(c *gin.Context, id int64, req arrivalRequest) (any, error) {
	return placementAnswer(s.Placements.RecordArrival(c.Request.Context(), actorOf(c), id, req.ArrivedOn))
}
