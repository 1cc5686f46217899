package httpapi

import (
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

// searchFiltersJSON are a role search's filters, named as GET /api/v1/roles
// names its query parameters.
type searchFiltersJSON struct {
	Query        string `json:"q,omitempty"`
	Type         string `json:"type,omitempty"`
	Skill        string `json:"skill,omitempty"`
	Prefecture   string `json:"prefecture,omitempty"`
	Remote       *bool  `json:"remote,omitempty"`
	JLPTMax      string `json:"jlpt_max,omitempty"`
	MinSalaryJPY *int64 `json:"min_salary,omitempty"`
}

// savedSearchRequest saves a role search.
type savedSearchRequest struct {
	Name      string            `json:"name"`
	Frequency string            `json:"frequency"`
	Filters   searchFiltersJSON `json:"filters"`
}

// savedSearchJSON is a saved role search.
type savedSearchJSON struct {
	ID        int64             `json:"id"`
	Name      string            `json:"name"`
	Frequency string            `json:"frequency"`
	Filters   searchFiltersJSON `json:"filters"`
	CreatedAt time.Time         `json:"created_at"`
	LastRunAt *time.Time        `json:"last_run_at,omitempty"`
}

func toSavedSearchJSON(s talent.SavedSearch) savedSearchJSON {
	return savedSearchJSON{ID: s.ID, Name: s.Name, Frequency: s.Frequency, Filters: searchFiltersJSON(s.Filters), CreatedAt: s.CreatedAt.UTC(), LastRunAt: s.LastRunAt}
}

// mySavedSearches lists the candidate's saved searches, newest first.
func (s *Server) mySavedSearches(c *gin.Context) (any, error) {
	p, err := pageOf(c)
	if err != nil {
		return nil, err
	}
	searches, err := s.SavedSearches.Mine(c.Request.Context(), actorOf(c), p)
	if err != nil {
		return nil, err
	}
	return page(p, searches, func(s talent.SavedSearch) int64 { return s.ID }, toSavedSearchJSON), nil
}

// createSavedSearch saves a role search for the candidate.
func (s *Server) createSavedSearch(c *gin.Context, req savedSearchRequest) (any, error) {
	saved, err := s.SavedSearches.Create(c.Request.Context(), actorOf(c), talent.SavedSearch{
		Name: req.Name, Frequency: req.Frequency, Filters: talent.SearchFilters(req.Filters),
	})
	if err != nil {
		return nil, err
	}
	return toSavedSearchJSON(saved), nil
}

// deleteSavedSearch deletes one of the candidate's saved searches.
func (s *Server) deleteSavedSearch(c *gin.Context, id int64) (any, error) {
	return nil, s.SavedSearches.Delete(c.Request.Context(), actorOf(c), id)
}
