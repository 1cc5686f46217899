import type { Match } from '../../api/matching';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDecimal } from '../../i18n/numbers';
import './matching.css';

/** ScoreBadge shows a match score out of 100, and whether the pair is eligible at all. */
export function ScoreBadge({ match, forOrganization = false }: { match: Match; forOrganization?: boolean }) {
  const { t, int } = useI18n();
  return (
    <p className={`score${match.eligible ? '' : ' score--blocked'}`}>
      <span className="score__value">{int(match.score)}</span>
      <span className="score__label">
        {t('web.match.score_of')}
        <span className="score__state">{match.eligible ? t(forOrganization ? 'web.match.eligible_org' : 'web.match.eligible') : t('web.match.not_eligible')}</span>
      </span>
    </p>
  );
}

/** Blockers says plainly why a pair is not eligible ("Not eligible because: …"). */
export function Blockers({ match }: { match: Match }) {
  const { t } = useI18n();
  if (match.eligible || match.blockers.length === 0) return null;
  return (
    <div className="notice notice--warning match-blockers">
      <p className="notice__title">{t('web.match.blocked_because')}</p>
      <ul>
        {match.blockers.map((b, i) => (
          <li key={i}>{b.text}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * MatchExplain shows a match: the score, why the pair is not eligible (if
 * so) and each component of the score with its share, the points earned and
 * its reasons, in the reader's language (the API words them).
 */
export function MatchExplain(props: { match: Match; open?: boolean; forOrganization?: boolean }) {
  const { match, open = false, forOrganization = false } = props;
  const { t, lang } = useI18n();
  const n = (x: number) => formatDecimal(lang, x);
  return (
    <div className="match">
      <ScoreBadge match={match} forOrganization={forOrganization} />
      <Blockers match={match} />
      <details className="disclosure match__why" open={open}>
        <summary>{t('web.match.why')}</summary>
        <ul className="match__components">
          {match.components.map((c) => (
            <li key={c.name} className="match__component">
              <div className="match__component-head">
                <span className="match__component-name">{t(`match.component.${c.name}` as MessageKey)}</span>
                <span className="match__component-points">{t('web.match.points_of', { Points: n(c.points), Weight: n(c.weight) })}</span>
              </div>
              <div className="meter" aria-hidden="true">
                <span className="meter__bar" style={{ inlineSize: `${Math.min(100, Math.max(0, c.weight ? (c.points / c.weight) * 100 : 0))}%` }} />
              </div>
              {c.reasons.length > 0 && (
                <ul className="match__reasons">
                  {c.reasons.map((r, i) => (
                    <li key={i}>{r.text}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
