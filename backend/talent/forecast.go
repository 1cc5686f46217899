package talent

import (
	"context"
	"fmt"
	"time"

	"github.com/setubashi/setubashi/backend/progress"
)

// ForecastMethod names how the goal's pipeline forecast is made, for the
// dashboard and its exports to state.
const ForecastMethod = "pipeline"

// pipelineSteps are the steps from an accepted offer to arrival the
// forecast follows, with the figures it falls back to while fewer than
// progress.MinHistory cases have left a step (stated in each answer as not
// observed): a placement (the contract and start date) is recorded about
// three weeks after acceptance, and 95% of acceptances get one; the
// certificate of eligibility (1–3 months), the visa (about a week) and the
// journey take about three months from placement to arrival, and 90% of
// placed people arrive (DOMAIN.md's path from offer to arrival).
var pipelineSteps = []progress.PathStep{
	{Name: "placed", FallbackConversion: 0.95, FallbackDays: 21},
	{Name: "arrived", FallbackConversion: 0.9, FallbackDays: 90},
}

// pipelineForecast forecasts arrivals counted toward the goal from the cases
// on their way (accepted offers, placements not yet arrived) and the recent
// flow of accepted offers, month by month to the deadline.
func (s *Dashboard) pipelineForecast(ctx context.Context, version string, def GoalDefinition, counted int, today Date) (progress.PipelineForecast, error) {
	since := time.Date(today.Time().Year(), today.Time().Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -progress.PaceMonths, 0)
	rule := CountRule{From: DateOf(since), To: def.Deadline, Types: def.CountedTypes}
	key := fmt.Sprintf("forecast:%s:%s:%d:%d", rule.key(), today, def.Target, counted)
	return cached(ctx, s.cache, key, version, func(ctx context.Context) (progress.PipelineForecast, error) {
		h, err := s.store.PipelineHistory(ctx, def.CountedTypes, since)
		if err != nil {
			return progress.PipelineForecast{}, err
		}
		return forecastFrom(h, def, counted, today), nil
	})
}

// forecastFrom forecasts from the pipeline's history: the open cases wait
// for a placement or an arrival, the acceptances since PaceMonths ago keep
// entering, month by month to the deadline.
func forecastFrom(h PipelineHistory, def GoalDefinition, counted int, today Date) progress.PipelineForecast {
	steps := make([]progress.PathStep, len(pipelineSteps))
	copy(steps, pipelineSteps)
	steps[0].Advanced, steps[0].Closed = len(h.AcceptedToPlacedHours), h.AcceptedClosed
	for _, hours := range h.AcceptedToPlacedHours {
		steps[0].Days = append(steps[0].Days, hours/24)
	}
	steps[1].Advanced, steps[1].Days = len(h.PlacedToArrivedDays), h.PlacedToArrivedDays
	in := progress.PipelineInput{Steps: steps, AcceptedPerMonth: float64(h.AcceptedSince) / progress.PaceMonths,
		Counted: counted, Target: def.Target, Today: today.Time(), Until: def.Deadline.Time()}
	for _, at := range h.OpenAccepted {
		in.Open = append(in.Open, progress.OpenCase{Next: 0, Since: at})
	}
	for _, at := range h.OpenPlaced {
		in.Open = append(in.Open, progress.OpenCase{Next: 1, Since: at})
	}
	return progress.ForecastPipeline(in)
}
