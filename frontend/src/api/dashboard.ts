// The goal dashboard, breakdowns, exports, the goal definition and the
// public progress figures.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nProvider';
import { client, type Handlers, type Schemas, unwrap } from './client';
import { keys } from './keys';

export type GoalDashboard = Schemas['GoalDashboard'];
export type Breakdown = Schemas['Breakdown'];
export type BreakdownCounts = Schemas['BreakdownCounts'];
export type BreakdownDimension = Schemas['BreakdownDimension'];
export type GoalDefinitionRequest = Schemas['GoalDefinitionRequest'];
export type GoalDefinition = Schemas['GoalDefinition'];
export type PublicProgress = Schemas['PublicProgress'];
export type PublicBreakdown = Schemas['PublicBreakdown'];
export type Measure = Breakdown['measures'][number];

/** Period is a breakdown's period: YYYY-MM-DD days, empty for no bound. */
export interface Period {
  from: string;
  to: string;
}

/** useGoal loads the goal dashboard (ministry viewers and administrators). */
export function useGoal() {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.goal.one(lang),
    queryFn: () => unwrap(client.GET('/api/v1/dashboard/goal')),
  });
}

/** useBreakdown loads the counts by one dimension over a period. */
export function useBreakdown(by: BreakdownDimension, period: Period) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.breakdown.one(lang, by, period.from, period.to),
    queryFn: () =>
      unwrap(
        client.GET('/api/v1/dashboard/breakdown', {
          params: { query: { by, from: period.from || undefined, to: period.to || undefined } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
}

/** useGoalDefinition loads what the goal counts. */
export function useGoalDefinition(enabled = true) {
  return useQuery({
    queryKey: keys.goalDefinition,
    queryFn: () => unwrap(client.GET('/api/v1/dashboard/goal-definition')),
    enabled,
  });
}

/** usePublicProgress loads the open figures (no sign-in; cached a minute by the server too). */
export function usePublicProgress() {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.publicProgress(lang),
    queryFn: () => unwrap(client.GET('/api/v1/public/progress')),
    staleTime: 60_000,
  });
}

/** useSaveGoalDefinition changes what the goal counts (administrators); every figure is read again. */
export function useSaveGoalDefinition(h: Handlers<GoalDefinition, GoalDefinitionRequest> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: GoalDefinitionRequest) => unwrap(client.PUT('/api/v1/dashboard/goal-definition', { body })),
    onSuccess: (d, v) => {
      qc.setQueryData(keys.goalDefinition, d);
      void qc.invalidateQueries({ queryKey: keys.goal.all });
      void qc.invalidateQueries({ queryKey: keys.breakdown.all });
      return h.onSuccess?.(d, v);
    },
    onError: h.onError,
  });
}

/**
 * exportHref is the address of an export: CSV holds one table (and one
 * dimension), XLSX any number (none named: all of them). The browser
 * downloads it with the session cookie; the server logs every export.
 */
export function exportHref(opts: {
  format: 'csv' | 'xlsx';
  tables?: readonly string[];
  by?: readonly string[];
  period?: Period;
  lang: string;
}): string {
  const p = new URLSearchParams();
  p.set('format', opts.format);
  for (const table of opts.tables ?? []) p.append('table', table);
  for (const by of opts.by ?? []) p.append('by', by);
  if (opts.period?.from) p.set('from', opts.period.from);
  if (opts.period?.to) p.set('to', opts.period.to);
  p.set('lang', opts.lang);
  return `/api/v1/dashboard/export?${p.toString()}`;
}
