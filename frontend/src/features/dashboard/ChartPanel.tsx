import { lazy, type ReactNode, Suspense, useId, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import './dashboard.css';

// The chart library loads only when a chart is first shown.
export const CumulativeChart = lazy(() => import('./charts').then((m) => ({ default: m.CumulativeChart })));
export const ForecastChart = lazy(() => import('./charts').then((m) => ({ default: m.ForecastChart })));
export const BarsChart = lazy(() => import('./charts').then((m) => ({ default: m.BarsChart })));

/**
 * ChartPanel is a titled figure that shows a chart or, at the reader's
 * choice, a table with the same numbers. The table is always there for
 * screen readers (visually hidden while the chart shows; the chart itself
 * is hidden from them) and for copying.
 */
export function ChartPanel(props: {
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  actions?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const { t } = useI18n();
  const id = useId();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section className="chart-panel" aria-labelledby={`${id}-title`}>
      <div className="chart-panel__head">
        <H id={`${id}-title`} className="chart-panel__title">
          {props.title}
        </H>
        <div className="segmented" role="group" aria-label={t('web.chart.show_as', { Title: props.title })}>
          <button type="button" className="segmented__option" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
            {t('web.chart.chart')}
          </button>
          <button type="button" className="segmented__option" aria-pressed={view === 'table'} onClick={() => setView('table')}>
            {t('web.chart.table')}
          </button>
        </div>
      </div>
      {props.description && <div className="chart-panel__description">{props.description}</div>}
      {view === 'chart' && (
        <div className="chart" aria-hidden="true">
          <Suspense fallback={<div className="chart__placeholder" />}>{props.chart}</Suspense>
        </div>
      )}
      {/* A region that scrolls sideways on a phone, so reachable with the keyboard when shown. */}
      <div
        className={view === 'chart' ? 'visually-hidden' : 'table-wrap chart-panel__table'}
        role="region"
        aria-label={`${props.title} · ${t('web.chart.table')}`}
        tabIndex={view === 'table' ? 0 : undefined}
      >
        {props.table}
      </div>
      {props.actions && <div className="chart-panel__actions">{props.actions}</div>}
    </section>
  );
}
