package httpapi

import (
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

type organizationRequest struct {
	NameJA     string `json:"name_ja"`
	NameEN     string `json:"name_en"`
	Kind       string `json:"kind"`
	Prefecture string `json:"prefecture"`
	Website    string `json:"website"`
}

type organizationResponse struct {
	ID         int64      `json:"id"`
	NameJA     string     `json:"name_ja"`
	NameEN     string     `json:"name_en"`
	Kind       string     `json:"kind"`
	Prefecture string     `json:"prefecture"`
	Website    string     `json:"website"`
	Verified   bool       `json:"verified"`
	VerifiedAt *time.Time `json:"verified_at"`
	CreatedAt  time.Time  `json:"created_at"`
}

func toOrganizationResponse(o talent.Organization) organizationResponse {
	return organizationResponse{ID: o.ID, NameJA: o.NameJA, NameEN: o.NameEN, Kind: o.Kind, Prefecture: o.Prefecture,
		Website: o.Website, Verified: o.Verified, VerifiedAt: o.VerifiedAt, CreatedAt: o.CreatedAt}
}

func organizationID(o talent.Organization) int64 { return o.ID }

func (s *Server) createOrganization(c *gin.Context, req organizationRequest) (any, error) {
	o, err := s.Organizations.Create(c.Request.Context(), actorOf(c), talent.Organization{
		NameJA: req.NameJA, NameEN: req.NameEN, Kind: req.Kind, Prefecture: req.Prefecture, Website: req.Website,
	})
	if err != nil {
		return nil, err
	}
	return toOrganizationResponse(o), nil
}

func (s *Server) getOrganization(c *gin.Context, id int64) (any, error) {
	o, err := s.Organizations.Get(c.Request.Context(), actorOf(c), id)
	if err != nil {
		return nil, err
	}
	return toOrganizationResponse(o), nil
}

func (s *Server) verifyOrganization(c *gin.Context, id int64) (any, error) {
	o, err := s.Organizations.Verify(c.Request.Context(), actorOf(c), id)
	if err != nil {
		return nil, err
	}
	return toOrganizationResponse(o), nil
}

// listOrganizations pages through organisations; ?verified=false lists those
// awaiting verification (administrators).
func (s *Server) listOrganizations(c *gin.Context) (any, error) {
	p, err := pageOf(c)
	if err != nil {
		return nil, err
	}
	verified, err := optionalBool(c, "verified")
	if err != nil {
		return nil, err
	}
	orgs, err := s.Organizations.List(c.Request.Context(), actorOf(c), verified, p)
	if err != nil {
		return nil, err
	}
	return page(p, orgs, organizationID, toOrganizationResponse), nil
}

func (s *Server) myOrganizations(c *gin.Context) (any, error) {
	orgs, err := s.Organizations.Mine(c.Request.Context(), actorOf(c))
	if err != nil {
		return nil, err
	}
	out := make([]organizationResponse, len(orgs))
	for i, o := range orgs {
		out[i] = toOrganizationResponse(o)
	}
	return listResponse[organizationResponse]{Items: out}, nil
}

// optionalBool reads a true/false query parameter; absent is nil.
func optionalBool(c *gin.Context, name string) (*bool, error) {
	raw, ok := c.GetQuery(name)
	if !ok {
		return nil, nil
	}
	b, err := strconv.ParseBool(raw)
	if err != nil {
		var v talent.Validator
		v.Add(name, "invalid_bool")
		return nil, v.Err()
	}
	return &b, nil
}
