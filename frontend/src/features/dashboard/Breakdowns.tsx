import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type BreakdownDimension, exportHref, type Measure, type Period, useBreakdown } from '../../api/dashboard';
import { breakdownDimensionValues } from '../../api/schema.gen';
import { LoadError, Loading } from '../../components/Status';
import { fieldErrorsOf } from '../../forms/errors';
import { SelectField, TextField } from '../../forms/fields';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import { BarsChart, ChartPanel } from './ChartPanel';
import { breakdownBars, isDay } from './data';

function isDimension(v: string | null): v is BreakdownDimension {
  return v !== null && (breakdownDimensionValues as readonly string[]).includes(v);
}

/** Breakdowns counts by one dimension over a period, as a chart and a table, with its exports. */
export function Breakdowns() {
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
