import type { HSPLift, HSPResult } from '../../api/hsp';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import '../matching/matching.css';

/** Verdicts shows what the points mean: eligible (70) for the table's category, fast track (80), J-Skip, J-Find. */
export function Verdicts({ result }: { result: HSPResult }) {
  const { t } = useI18n();
  const item = (ok: boolean, yes: MessageKey, no: MessageKey) => (
    <li className={ok ? 'verdict verdict--yes' : 'verdict verdict--no'}>
      <span className="verdict__mark" aria-hidden="true">
        {ok ? '✓' : '–'}
      </span>
      {t(ok ? yes : no)}
    </li>
  );
  return (
    <ul className="verdicts">
      {result.category === 'academic_research'
        ? item(result.eligible, 'web.hsp.eligible_yes_academic', 'web.hsp.eligible_no_academic')
        : item(result.eligible, 'web.hsp.eligible_yes', 'web.hsp.eligible_no')}
      {item(result.fast_track, 'web.hsp.fast_yes', 'web.hsp.fast_no')}
      {item(result.j_skip, 'web.hsp.jskip_yes', 'web.hsp.jskip_no')}
      {item(result.j_find, 'web.hsp.jfind_yes', 'web.hsp.jfind_no')}
    </ul>
  );
}

/** Breakdown is the table of the items that scored, with the total. */
export function Breakdown({ result, caption }: { result: HSPResult; caption: string }) {
  const { t, int } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('web.hsp.item')}</th>
            <th scope="col" className="num">
              {t('web.hsp.points_col')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.breakdown.map((b) => (
            <tr key={b.item}>
              <th scope="row">{t(`hsp.item.${b.item}` as MessageKey)}</th>
              <td className="num">{int(b.points)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('web.hsp.total')}</th>
            <td className="num">{int(result.points)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** PointsFigure is the big number: the points and the threshold they reach. */
export function PointsFigure({ result }: { result: HSPResult }) {
  const { t, plural } = useI18n();
  const tone = result.fast_track ? 'success' : result.eligible ? 'info' : 'warning';
  return (
    <p className={`points points--${tone}`}>
      <span className="points__value">{plural('web.hsp.points', result.points)}</span>
      <span className="points__label">
        {result.fast_track ? t('web.hsp.band_fast') : result.eligible ? t('web.hsp.band_eligible') : t('web.hsp.band_below')}
      </span>
    </p>
  );
}

/** TableUsed names the points table an assessment used: (i)(b) or (i)(a). */
export function TableUsed({ result }: { result: HSPResult }) {
  const { t } = useI18n();
  return <p className="muted">{t('web.hsp.table_used', { Category: t(`hsp.category.${result.category}` as MessageKey) })}</p>;
}

/** Lifts lists single changes that would raise the points, most first. */
export function Lifts({ lifts, title }: { lifts: HSPLift[]; title?: string }) {
  const { t } = useI18n();
  if (lifts.length === 0) return null;
  return (
    <>
      <h3>{title ?? t('web.hsp.lifts_title')}</h3>
      <ul className="lifts">
        {lifts.map((l) => (
          <li key={l.change}>
            {l.text}
            {l.reaches > 0 && (
              <span className={`badge badge--${l.reaches >= 80 ? 'success' : 'info'}`}>
                {l.reaches >= 80 ? t('web.hsp.reaches_80') : t('web.hsp.reaches_70')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
