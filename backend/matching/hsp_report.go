package matching

import "github.com/setubashi/setubashi/backend/talent"

// HSPReport is an HSP assessment as Setubashi writes it, in JSON, for the
// API (POST /api/v1/hsp/assessments, and /me/hsp's assessment) and the
// `setubashi hsp` command alike: the reasons are rendered in the reader's
// language.
type HSPReport struct {
	Category  string          `json:"category"`
	Points    int             `json:"points"`
	Breakdown []HSPReportItem `json:"breakdown"`
	Eligible  bool            `json:"eligible"`
	FastTrack bool            `json:"fast_track"`
	JSkip     bool            `json:"j_skip"`
	JFind     bool            `json:"j_find"`
	Reasons   []string        `json:"reasons"`
}

// HSPReportItem is one item of the points table that scored.
type HSPReportItem struct {
	Item   string `json:"item"`
	Points int    `json:"points"`
}

// NewHSPReport shows an assessment with each reason rendered by text
// (lists are empty, never null).
func NewHSPReport(r talent.HSPResult, text func(talent.Reason) string) HSPReport {
	out := HSPReport{Category: r.Category, Points: r.Points, Breakdown: make([]HSPReportItem, len(r.Breakdown)), Eligible: r.Eligible,
		FastTrack: r.FastTrack, JSkip: r.JSkip, JFind: r.JFind, Reasons: make([]string, len(r.Reasons))}
	for i, it := range r.Breakdown {
		out.Breakdown[i] = HSPReportItem(it)
	}
	for i, reason := range r.Reasons {
		out.Reasons[i] = text(reason)
	}
	return out
}
