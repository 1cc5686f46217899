import type { StageEvent } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { StageBadge } from '../../components/Badges';

/** Timeline lists an application's steps, oldest first, with who took each and why. */
export function Timeline({ events, viewer }: { events: StageEvent[]; viewer: 'candidate' | 'organization' | 'other' }) {
  const { t, label, dateTime } = useI18n();
  const by = (e: StageEvent) => {
    if (e.by === 'candidate') return viewer === 'candidate' ? t('web.timeline.by_you') : t('web.timeline.by_candidate');
    return viewer === 'organization' ? t('web.timeline.by_your_org') : t('web.timeline.by_organization');
  };
  return (
    <ol className="timeline">
      {events.map((e, i) => (
        <li key={i} className="timeline__event">
          <div className="timeline__head">
            <StageBadge stage={e.to} />
            <span className="timeline__what">
              {e.from === '' ? t('web.timeline.submitted') : t('web.timeline.moved', { From: label('stage', e.from), To: label('stage', e.to) })}
            </span>
          </div>
          <p className="timeline__meta">
            <time dateTime={e.at}>{dateTime(e.at)}</time> · {by(e)}
          </p>
          {e.reason && (
            <p className="timeline__reason">
              <span className="timeline__reason-label">{t('web.timeline.reason')}</span> {e.reason}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
