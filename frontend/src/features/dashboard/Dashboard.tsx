import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { client, unwrap } from '../../api/client';
import {
  exportHref,
  useBreakdown,
  useGoal,
  useGoalDefinition,
  type BreakdownDimension,
  type GoalDashboard,
  type GoalDefinition,
  type Measure,
  type Period,
} from '../../api/dashboard';
import { breakdownDimensionValues, roleTypeValues } from '../../api/schema.gen';
import type { User } from '../../api/types';
import { useAnnounce } from '../../components/Announcer';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { LoadError, Loading, Notice } from '../../components/Status';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { errorsUnder, fieldErrorsOf } from '../../forms/errors';
import { CheckboxGroup, SelectField, TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDecimal, formatMonth, formatPercent, formatShare } from '../../i18n/numbers';
import { BarsChart, ChartPanel, CumulativeChart } from './ChartPanel';
import { breakdownBars, cumulativeSeries, funnelBars, isDay } from './data';

/** Dashboard is the goal dashboard: where ministry viewers land, and administrators too can read. */
export default function Dashboard() {
  return <RequireAccount kinds={['ministry', 'admin']}>{(me) => <DashboardView me={me} />}</RequireAccount>;
}

function DashboardView({ me }: { me: User }) {
  const { t, lang } = useI18n();
  const goal = useGoal();
  return (
    <Page
      wide
      title={t('web.ministry.title')}
      lead={<p>{t('web.dashboard.lead')}</p>}
      actions={
        <div className="actions">
          <a className="button button--primary" href={exportHref({ format: 'xlsx', lang })} download>
            {t('web.dashboard.export_all')}
          </a>
          <Link className="button button--secondary" to="/progress">
            {t('web.dashboard.public_page')}
          </Link>
        </div>
      }
    >
      {goal.isPending ? (
        <Loading />
      ) : goal.isError ? (
        <LoadError error={goal.error} retry={() => void goal.refetch()} />
      ) : (
        <>
          <Kpis goal={goal.data} />
          <Trajectory goal={goal.data} />
          <Funnel goal={goal.data} />
        </>
      )}
      <Breakdowns />
      {me.role === 'admin' && <GoalDefinitionForm />}
    </Page>
  );
}

// ---- KPI tiles ------------------------------------------------------------------------

const statusTone: Record<GoalDashboard['status'], string> = { on_track: 'success', at_risk: 'warning', off_track: 'danger' };

function Kpis({ goal }: { goal: GoalDashboard }) {
  const { t, int, day, lang, plural } = useI18n();
  const pace = goal.actual_pace;
  const dec = (n: number) => formatDecimal(lang, n);
  return (
    <section className="section" aria-labelledby="kpi-title">
      <div className="section__head">
        <h2 id="kpi-title">{t('web.dashboard.kpi_title')}</h2>
        <p className="muted">{t('web.dashboard.as_of', { Date: day(goal.as_of) })}</p>
      </div>
      <ul className="kpis">
        <li className="kpi">
          <p className="kpi__label">{t('dashboard.figure.counted')}</p>
          <p className="kpi__value">{t('web.dashboard.counted_of', { Counted: int(goal.counted), Target: int(goal.target) })}</p>
          <p className="kpi__note">{plural('web.dashboard.remaining', goal.remaining)}</p>
        </li>
        <li className="kpi">
          <p className="kpi__label">{t('dashboard.figure.percent')}</p>
          <p className="kpi__value">{formatPercent(lang, goal.percent)}</p>
          <div className="goal-bar" aria-hidden="true">
            <span className="goal-bar__done" style={{ inlineSize: `${Math.min(100, goal.percent)}%` }} />
            <span className="goal-bar__expected" style={{ insetInlineStart: `${Math.min(100, (goal.expected_today / goal.target) * 100)}%` }} />
          </div>
          <p className="kpi__note">{t('web.dashboard.expected_today', { N: dec(goal.expected_today) })}</p>
        </li>
        <li className="kpi">
          <p className="kpi__label">{t('dashboard.figure.status')}</p>
          <p className="kpi__value">
            <span className={`badge badge--${statusTone[goal.status]} badge--large`}>{goal.status_label}</span>
          </p>
          <p className="kpi__note">
            {goal.required_per_month != null && t('web.dashboard.needed_pace', { N: dec(goal.required_per_month) })}
            {goal.required_per_month != null && pace && ' · '}
            {pace &&
              t('web.dashboard.actual_pace', {
                N: dec(pace.per_month),
                From: formatMonth(lang, pace.from.slice(0, 7)),
                To: formatMonth(lang, pace.to.slice(0, 7)),
              })}
          </p>
        </li>
        <li className="kpi">
          <p className="kpi__label">{t('dashboard.figure.projected_date')}</p>
          <p className="kpi__value">{goal.projected_date ? day(goal.projected_date) : t('web.dashboard.no_projection')}</p>
          <p className="kpi__note">
            {t('web.dashboard.deadline', { Date: day(goal.definition.deadline) })} · {plural('web.dashboard.days_left', goal.days_left)}
          </p>
        </li>
      </ul>
      <p className="muted">
        {goal.internships.counted_in_goal
          ? plural('web.dashboard.interns_in_goal', goal.internships.counted)
          : plural('web.dashboard.interns_beside', goal.internships.counted)}{' '}
        {t('web.dashboard.status_rule')}
      </p>
      <p>
        <a href={exportHref({ format: 'csv', tables: ['summary'], lang })} download>
          {t('web.dashboard.csv_summary')}
        </a>
      </p>
    </section>
  );
}

// ---- The cumulative chart ---------------------------------------------------------------

function Trajectory({ goal }: { goal: GoalDashboard }) {
  const { t, lang, int } = useI18n();
  const data = cumulativeSeries(goal.monthly);
  const dash = '—';
  return (
    <div className="section">
      <ChartPanel
        title={t('web.dashboard.trajectory_title')}
        description={<p className="muted">{t('web.dashboard.trajectory_lead', { Target: int(goal.target) })}</p>}
        chart={
          <CumulativeChart
            data={data}
            lang={lang}
            names={{ cumulative: t('dashboard.column.cumulative'), trajectory: t('dashboard.column.trajectory'), interns: t('dashboard.column.internship_cumulative') }}
          />
        }
        table={
          <table className="table table--compact">
            <caption>{t('web.dashboard.trajectory_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.column.month')}</th>
                <th scope="col" className="num">{t('dashboard.column.arrivals')}</th>
                <th scope="col" className="num">{t('dashboard.column.cumulative')}</th>
                <th scope="col" className="num">{t('dashboard.column.trajectory')}</th>
                <th scope="col" className="num">{t('dashboard.column.internship_arrivals')}</th>
                <th scope="col" className="num">{t('dashboard.column.internship_cumulative')}</th>
              </tr>
            </thead>
            <tbody>
              {goal.monthly.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{formatMonth(lang, m.month)}</th>
                  <td className="num">{m.arrivals == null ? dash : int(m.arrivals)}</td>
                  <td className="num">{m.cumulative == null ? dash : int(m.cumulative)}</td>
                  <td className="num">{formatDecimal(lang, m.trajectory)}</td>
                  <td className="num">{m.internship_arrivals == null ? dash : int(m.internship_arrivals)}</td>
                  <td className="num">{m.internship_cumulative == null ? dash : int(m.internship_cumulative)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
        actions={
          <a href={exportHref({ format: 'csv', tables: ['monthly'], lang })} download>
            {t('web.dashboard.csv_monthly')}
          </a>
        }
      />
    </div>
  );
}

// ---- The funnel -------------------------------------------------------------------------

function Funnel({ goal }: { goal: GoalDashboard }) {
  const { t, lang, int } = useI18n();
  const dash = '—';
  return (
    <div className="section">
      <ChartPanel
        title={t('web.dashboard.funnel_title')}
        description={<p className="muted">{t('web.dashboard.funnel_lead')}</p>}
        chart={<BarsChart data={funnelBars(goal.funnel)} lang={lang} name={t('dashboard.column.reached')} />}
        table={
          <table className="table">
            <caption>{t('web.dashboard.funnel_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.column.stage')}</th>
                <th scope="col" className="num">{t('dashboard.column.reached')}</th>
                <th scope="col" className="num">{t('web.dashboard.conversion')}</th>
                <th scope="col" className="num">{t('dashboard.column.median_days')}</th>
                <th scope="col" className="num">{t('dashboard.column.left')}</th>
              </tr>
            </thead>
            <tbody>
              {goal.funnel.map((f) => (
                <tr key={f.stage}>
                  <th scope="row">{f.label}</th>
                  <td className="num">{int(f.reached)}</td>
                  <td className="num">{f.conversion == null ? dash : formatShare(lang, f.conversion)}</td>
                  <td className="num">{f.median_days == null ? dash : formatDecimal(lang, f.median_days)}</td>
                  <td className="num">{int(f.left)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
        actions={
          <a href={exportHref({ format: 'csv', tables: ['funnel'], lang })} download>
            {t('web.dashboard.csv_funnel')}
          </a>
        }
      />
    </div>
  );
}

// ---- Breakdowns -------------------------------------------------------------------------

function isDimension(v: string | null): v is BreakdownDimension {
  return v !== null && (breakdownDimensionValues as readonly string[]).includes(v);
}

function Breakdowns() {
  const { t, lang, int, label, day } = useI18n();
  const [params, setParams] = useSearchParams();
  const byParam = params.get('by');
  const by: BreakdownDimension = isDimension(byParam) ? byParam : 'indian_state';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const period: Period = { from: isDay(from) ? from : '', to: isDay(to) ? to : '' };
  const [draft, setDraft] = useState(period);
  useEffect(() => setDraft({ from: period.from, to: period.to }), [period.from, period.to]);
  const breakdown = useBreakdown(by, period);
  const measures = breakdown.data?.measures ?? [];
  const measureParam = params.get('measure') as Measure | null;
  const measure: Measure | undefined = measureParam && measures.includes(measureParam) ? measureParam : measures.includes('arrivals') ? 'arrivals' : measures[0];
  const dash = '—';

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true, preventScrollReset: true });
  };
  const problem = breakdown.error;
  const fields = fieldErrorsOf(problem);

  return (
    <section className="section" aria-labelledby="breakdown-title">
      <h2 id="breakdown-title">{t('web.dashboard.breakdown_title')}</h2>
      <p className="muted">{t('web.dashboard.breakdown_lead')}</p>
      <form
        className="filters-row"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          update({ from: draft.from, to: draft.to });
        }}
      >
        <SelectField
          name="by"
          label={t('web.dashboard.group_by')}
          value={by}
          onChange={(e) => update({ by: e.target.value, measure: '' })}
          options={breakdownDimensionValues.map((d) => ({ value: d, label: t(`dashboard.dimension.${d}` as MessageKey) }))}
        />
        <TextField name="from" type="date" label={t('web.dashboard.from')} value={draft.from} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} error={fields.from} />
        <TextField name="to" type="date" label={t('web.dashboard.to')} value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} error={fields.to} />
        <div className="filters-row__buttons">
          <button type="submit" className="button button--primary">
            {t('web.dashboard.apply')}
          </button>
          {(period.from || period.to) && (
            <button type="button" className="button button--quiet" onClick={() => update({ from: '', to: '' })}>
              {t('web.dashboard.all_time')}
            </button>
          )}
        </div>
      </form>
      <p className="muted" role="status">
        {period.from || period.to
          ? t('web.dashboard.period', { From: period.from ? day(period.from) : dash, To: period.to ? day(period.to) : dash })
          : t('web.dashboard.period_all')}
      </p>
      {problem && Object.keys(fields).length === 0 ? (
        <LoadError error={problem} retry={() => void breakdown.refetch()} />
      ) : breakdown.isPending ? (
        <Loading />
      ) : breakdown.data ? (
        <>
          {measures.length > 1 && (
            <div className="toolbar">
              <SelectField
                name="measure"
                label={t('web.dashboard.chart_measure')}
                value={measure ?? ''}
                onChange={(e) => update({ measure: e.target.value })}
                options={measures.map((m) => ({ value: m, label: t(`dashboard.measure.${m}` as MessageKey) }))}
              />
            </div>
          )}
          <ChartPanel
            headingLevel={3}
            title={t('web.dashboard.breakdown_chart', { Dimension: breakdown.data.label, Measure: measure ? t(`dashboard.measure.${measure}` as MessageKey) : '' })}
            chart={measure ? <BarsChart data={breakdownBars(breakdown.data.rows, measure)} lang={lang} name={t(`dashboard.measure.${measure}` as MessageKey)} /> : null}
            table={
              <table className="table">
                <caption>{breakdown.data.label}</caption>
                <thead>
                  <tr>
                    <th scope="col">{breakdown.data.label}</th>
                    {measures.map((m) => (
                      <th scope="col" className="num" key={m}>
                        {t(`dashboard.measure.${m}` as MessageKey)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {breakdown.data.rows.map((r) => (
                    <tr key={r.code || '-'}>
                      <th scope="row">{r.label}</th>
                      {measures.map((m) => (
                        <td className="num" key={m}>
                          {r[m] == null ? dash : int(r[m]!)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{breakdown.data.total.label}</th>
                    {measures.map((m) => (
                      <td className="num" key={m}>
                        {breakdown.data!.total[m] == null ? dash : int(breakdown.data!.total[m]!)}
                      </td>
                    ))}
                  </tr>
                </tfoot>
              </table>
            }
            actions={
              <div className="actions">
                <a href={exportHref({ format: 'csv', tables: ['breakdown'], by: [by], period, lang })} download>
                  {t('web.dashboard.csv_breakdown', { Dimension: label('dashboard.dimension', by) })}
                </a>
                <a href={exportHref({ format: 'xlsx', tables: ['breakdown'], period, lang })} download>
                  {t('web.dashboard.xlsx_breakdowns')}
                </a>
              </div>
            }
          />
        </>
      ) : null}
    </section>
  );
}

// ---- The goal definition (administrators) -----------------------------------------------

function GoalDefinitionForm() {
  const { t } = useI18n();
  const def = useGoalDefinition();
  return (
    <section className="section panel" aria-labelledby="goal-def-title">
      <h2 id="goal-def-title" className="panel__title">
        {t('web.dashboard.definition_title')}
      </h2>
      <p className="muted">{t('web.dashboard.definition_lead')}</p>
      {def.isPending ? <Loading /> : def.isError ? <LoadError error={def.error} retry={() => void def.refetch()} /> : <GoalDefinitionEditor def={def.data} />}
    </section>
  );
}

function GoalDefinitionEditor({ def }: { def: GoalDefinition }) {
  const { t, label, dateTime } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const form = useFormErrors();
  const [draft, setDraft] = useState({
    target: String(def.target),
    window_start: def.window_start,
    deadline: def.deadline,
    counted_types: [...def.counted_types] as string[],
  });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const n = Number(draft.target.trim());
      return unwrap(
        client.PUT('/api/v1/dashboard/goal-definition', {
          body: {
            target: (Number.isInteger(n) && draft.target.trim() !== '' ? n : draft.target) as number,
            window_start: draft.window_start,
            deadline: draft.deadline,
            counted_types: draft.counted_types as GoalDefinition['counted_types'],
          },
        }),
      );
    },
    onSuccess: (d) => {
      form.clear();
      qc.setQueryData(['goal-definition'], d);
      void qc.invalidateQueries({ queryKey: ['dashboard-goal'] });
      void qc.invalidateQueries({ queryKey: ['dashboard-breakdown'] });
      setSaved(true);
      announce(t('web.dashboard.definition_saved'));
    },
    onError: (e) => {
      setSaved(false);
      form.report(e);
    },
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <ErrorSummary form={form} />
      {saved && !form.message && <Notice tone="success">{t('web.dashboard.definition_saved')}</Notice>}
      <div className="grid-3">
        <TextField name="target" type="number" inputMode="numeric" label={t('dashboard.figure.target')} value={draft.target} onChange={(e) => setDraft((d) => ({ ...d, target: e.target.value }))} error={form.fields.target} />
        <TextField name="window_start" type="date" label={t('dashboard.figure.window_start')} value={draft.window_start} onChange={(e) => setDraft((d) => ({ ...d, window_start: e.target.value }))} error={form.fields.window_start} />
        <TextField name="deadline" type="date" label={t('dashboard.figure.deadline')} value={draft.deadline} onChange={(e) => setDraft((d) => ({ ...d, deadline: e.target.value }))} error={form.fields.deadline} />
      </div>
      <CheckboxGroup
        name="counted_types"
        legend={t('dashboard.figure.counted_types')}
        value={draft.counted_types}
        onChange={(v) => setDraft((d) => ({ ...d, counted_types: v }))}
        error={errorsUnder(form.fields, 'counted_types')[0]}
        options={roleTypeValues.map((v) => ({ value: v, label: label('role_type', v) }))}
      />
      {def.updated_at && <p className="muted">{t('web.dashboard.definition_changed', { Date: dateTime(def.updated_at) })}</p>}
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {save.isPending ? t('web.common.saving') : t('web.dashboard.definition_save')}
      </button>
    </form>
  );
}
