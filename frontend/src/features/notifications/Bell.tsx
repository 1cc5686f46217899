import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useUnreadCount } from '../../api/notifications';
import { useI18n } from '../../i18n/I18nProvider';
import './bell.css';
import { keys } from '../../api/keys';

/**
 * useBellCount is the signed-in user's unread count for the bell: asked
 * every 30 s while the page is visible, when the window regains focus and
 * after every move to another page. Undefined until known (or when off).
 */
export function useBellCount(enabled: boolean): number | undefined {
  const count = useUnreadCount(enabled);
  const qc = useQueryClient();
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (enabled) void qc.invalidateQueries({ queryKey: keys.notifications.unreadCount });
  }, [pathname, enabled, qc]);
  return enabled ? count.data : undefined;
}

/**
 * Bell is the header's link to the notifications page: a bell icon with
 * the unread count as a badge. Its accessible name says the count in
 * words ("Notifications, 3 unread"); the badge itself is hidden from
 * screen readers, which read the name instead.
 */
export function Bell({ count, className }: { count: number | undefined; className?: string }) {
  const { t, plural, int } = useI18n();
  const n = count ?? 0;
  const name = n > 0 ? plural('web.notify.bell_unread', n) : t('web.notify.bell');
  return (
    <NavLink to="/notifications" className={`bell${className ? ' ' + className : ''}`} aria-label={name} title={name}>
      <svg className="bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm-2.6 15.5a2.7 2.7 0 0 0 5.2 0Z"
          fill="currentColor"
        />
      </svg>
      {n > 0 && (
        <span className="bell__count" aria-hidden="true" data-testid="bell-count">
          {n > 99 ? `${int(99)}+` : int(n)}
        </span>
      )}
    </NavLink>
  );
}
