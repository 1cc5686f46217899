import { useI18n } from '../../i18n/I18nProvider';
import { splitSeconds } from './useWait';

/**
 * WaitNotice says how long until the next try after a 429. It is not a live
 * region (a countdown read aloud every second would drown everything else):
 * the error summary announces the problem once, and the form announces when
 * trying again is possible.
 */
export function WaitNotice({ left }: { left: number }) {
  const { t, plural } = useI18n();
  if (left <= 0) return null;
  const { minutes } = splitSeconds(left);
  const time = left < 60 ? plural('web.wait.seconds', left) : plural('web.wait.minutes', left % 60 === 0 ? minutes : minutes + 1);
  return (
    <p className="wait-notice" data-testid="wait-notice">
      <span className="spinner" aria-hidden="true" /> {t('web.wait.try_in', { Time: time })}
    </p>
  );
}
