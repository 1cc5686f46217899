import { Link } from 'react-router';
import { usePublicProgress } from '../../api/dashboard';
import { useI18n } from '../../i18n/I18nProvider';
import { formatPercent } from '../../i18n/numbers';
import './progress.css';

/**
 * ProgressFigure is the landing page's live figure: people counted toward
 * the 2030 goal so far (GET /api/v1/public/progress), with a link to the
 * open progress page. Without the figure (the API failed) it shows only the link.
 */
export function ProgressFigure() {
  const { t, int, day, lang } = useI18n();
  const progress = usePublicProgress();
  const p = progress.data;
  return (
    <section className="progress-figure" aria-labelledby="progress-figure-title" aria-busy={progress.isPending || undefined}>
      <h2 id="progress-figure-title" className="progress-figure__title">
        {t('web.progress.home_title')}
      </h2>
      {p ? (
        <>
          <p className="progress-figure__value">
            <span className="progress-figure__number">{int(p.counted)}</span>
            <span className="progress-figure__of">{t('web.progress.home_of', { Target: int(p.target) })}</span>
          </p>
          <div className="progress-figure__bar" aria-hidden="true">
            <span style={{ inlineSize: `${Math.min(100, p.percent)}%` }} />
          </div>
          <p className="progress-figure__note">
            {t('web.progress.home_note', { Percent: formatPercent(lang, p.percent), Date: day(p.published_through), Deadline: day(p.deadline) })}
          </p>
        </>
      ) : (
        <div className="progress-figure__placeholder" />
      )}
      <p className="progress-figure__link">
        <Link to="/progress">{t('web.progress.home_link')}</Link>
      </p>
    </section>
  );
}
