package httpapi

import (
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

type createRoundRequest struct {
	Name            string    `json:"name"`
	RoleIDs         []int64   `json:"role_ids"`
	RankingDeadline timestamp `json:"ranking_deadline"`
}

type candidateRankingRequest struct {
	RoleIDs []int64 `json:"role_ids"`
}

type roleRankingRequest struct {
	CandidateIDs []int64 `json:"candidate_ids"`
}

type roundResponse struct {
	ID              int64      `json:"id"`
	Name            string     `json:"name"`
	Status          string     `json:"status"`
	RankingDeadline time.Time  `json:"ranking_deadline"`
	RoleIDs         []int64    `json:"role_ids,omitempty"`
	CreatedAt       time.Time  `json:"created_at"`
	OpenedAt        *time.Time `json:"opened_at"`
	RanAt           *time.Time `json:"ran_at"`
	Matched         int        `json:"matched"`
	Proposals       int        `json:"proposals"`
}

type roundMatchJSON struct {
	CandidateID   int64 `json:"candidate_id"`
	RoleID        int64 `json:"role_id"`
	ApplicationID int64 `json:"application_id"`
}

type roundResultsResponse struct {
	Round   roundResponse    `json:"round"`
	Matches []roundMatchJSON `json:"matches"`
}

type candidateRankingResponse struct {
	RoleIDs []int64 `json:"role_ids"`
}

type roleRankingResponse struct {
	CandidateIDs []int64           `json:"candidate_ids"`
	Rankers      []profileResponse `json:"rankers"`
}

func toRoundResponse(r talent.Round) roundResponse {
	return roundResponse{ID: r.ID, Name: r.Name, Status: r.Status, RankingDeadline: r.RankingDeadline, RoleIDs: r.RoleIDs,
		CreatedAt: r.CreatedAt, OpenedAt: r.OpenedAt, RanAt: r.RanAt, Matched: r.Matched, Proposals: r.Proposals}
}

func roundAnswer(r talent.Round, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return toRoundResponse(r), nil
}

func (s *Server) createRound(c *gin.Context, req createRoundRequest) (any, error) {
	return roundAnswer(s.Rounds.Create(c.Request.Context(), actorOf(c), talent.NewRound{
		Name: req.Name, RoleIDs: req.RoleIDs, RankingDeadline: time.Time(req.RankingDeadline),
	}))
}

func (s *Server) listRounds(c *gin.Context) (any, error) {
	p, err := pageOf(c)
	if err != nil {
		return nil, err
	}
	rounds, err := s.Rounds.List(c.Request.Context(), actorOf(c), p)
	if err != nil {
		return nil, err
	}
	return page(p, rounds, func(r talent.Round) int64 { return r.ID }, toRoundResponse), nil
}

func (s *Server) getRound(c *gin.Context, id int64) (any, error) {
	return roundAnswer(s.Rounds.Get(c.Request.Context(), actorOf(c), id))
}

func (s *Server) openRound(c *gin.Context, id int64) (any, error) {
	return roundAnswer(s.Rounds.Open(c.Request.Context(), actorOf(c), id))
}

func (s *Server) runRound(c *gin.Context, id int64) (any, error) {
	return roundAnswer(s.Rounds.Run(c.Request.Context(), actorOf(c), id))
}

func (s *Server) roundResults(c *gin.Context, id int64) (any, error) {
	res, err := s.Rounds.Results(c.Request.Context(), actorOf(c), id)
	if err != nil {
		return nil, err
	}
	out := roundResultsResponse{Round: toRoundResponse(res.Round), Matches: make([]roundMatchJSON, len(res.Matches))}
	for i, m := range res.Matches {
		out.Matches[i] = roundMatchJSON(m)
	}
	return out, nil
}

func (s *Server) myRoundRanking(c *gin.Context, id int64) (any, error) {
	ids, err := s.Rounds.MyRanking(c.Request.Context(), actorOf(c), id)
	if err != nil {
		return nil, err
	}
	return candidateRankingResponse{RoleIDs: ids}, nil
}

func (s *Server) putMyRoundRanking(c *gin.Context, id int64, req candidateRankingRequest) (any, error) {
	ids, err := s.Rounds.RankRoles(c.Request.Context(), actorOf(c), id, nonNilIDs(req.RoleIDs))
	if err != nil {
		return nil, err
	}
	return candidateRankingResponse{RoleIDs: ids}, nil
}

// roundRoleID reads the :role_id path parameter (not a positive integer: 404).
func roundRoleID(c *gin.Context) (int64, error) {
	return parseID(c.Param("role_id"))
}

func (s *Server) roleRoundRanking(c *gin.Context, id int64) (any, error) {
	roleID, err := roundRoleID(c)
	if err != nil {
		return nil, err
	}
	ranked, rankers, err := s.Rounds.RoleRanking(c.Request.Context(), actorOf(c), id, roleID)
	if err != nil {
		return nil, err
	}
	out := roleRankingResponse{CandidateIDs: ranked, Rankers: make([]profileResponse, len(rankers))}
	for i, p := range rankers {
		out.Rankers[i] = toProfileResponse(p, false)
	}
	return out, nil
}

func (s *Server) putRoleRoundRanking(c *gin.Context, id int64, req roleRankingRequest) (any, error) {
	roleID, err := roundRoleID(c)
	if err != nil {
		return nil, err
	}
	if _, err := s.Rounds.RankCandidates(c.Request.Context(), actorOf(c), id, roleID, nonNilIDs(req.CandidateIDs)); err != nil {
		return nil, err
	}
	return s.roleRoundRanking(c, id)
}

func nonNilIDs(ids []int64) []int64 {
	if ids == nil {
		return []int64{}
	}
	return ids
}
