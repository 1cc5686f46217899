import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { markRead as markOneRead, type Notification, useRefreshNotifications } from '../../api/notifications';

/** isAppPath accepts only paths inside the web app as a notification's link (never another site or a script). */
export function isAppPath(link: string): boolean {
  return link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\');
}

/**
 * NotificationCard is one notification: whether it is unread (a word, and a
 * bar beside it), its title as a link to what it is about, its text and
 * when it came. Following the link marks it read first.
 */
export function NotificationCard({ note }: { note: Notification }) {
  const { t, dateTime } = useI18n();
  const refresh = useRefreshNotifications();
  const navigate = useNavigate();
  const titleId = `note-${note.id}`;
  const markRead = async () => {
    try {
      await markOneRead(note.id);
    } catch {
      // Not worth stopping for: it stays unread, and the reader still gets where they wanted to go.
    }
    refresh();
  };
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    if (note.read) return;
    // A new tab or window: mark it read in the background and let the browser open the link.
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      void markRead();
      return;
    }
    e.preventDefault();
    void markRead().then(() => navigate(note.link));
  };
  const middle = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!note.read && e.button === 1) void markRead();
  };
  return (
    <article className={`row-card note${note.read ? '' : ' note--unread'}`} aria-labelledby={titleId} data-kind={note.kind}>
      <div className="row-card__main">
        <h3 className="row-card__title" id={titleId} tabIndex={-1}>
          {!note.read && <span className="badge badge--info note__unread">{t('web.notifications.unread')}</span>}
          {isAppPath(note.link) ? (
            <Link to={note.link} onClick={open} onAuxClick={middle}>
              {note.title}
            </Link>
          ) : (
            note.title
          )}
        </h3>
        {note.body && <p className="note__body">{note.body}</p>}
        <p className="row-card__meta">
          <time dateTime={note.created_at}>{dateTime(note.created_at)}</time>
        </p>
      </div>
    </article>
  );
}
