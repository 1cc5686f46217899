import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useNotifications, useUnreadCount } from '../../api/notifications';
import { CardList } from '../../components/CardList';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { CheckboxField } from '../../forms/fields';
import { useI18n } from '../../i18n/I18nProvider';
import { allKinds } from '../account/kinds';
import { MarkAllRead } from './MarkAllRead';
import { NotificationCard } from './NotificationCard';
import './notifications.css';
import { QueryView } from '../../components/QueryView';

/** Notifications lists the signed-in user's notifications, newest first; ?unread=true shows unread ones only. */
export default function Notifications() {
  return <RequireAccount kinds={allKinds}>{() => <NotificationsPage />}</RequireAccount>;
}

function NotificationsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const inAddress = params.get('unread') === 'true';
  // Held here too, so the box follows a click at once rather than when the address has changed.
  const [unreadOnly, setUnreadOnly] = useState(inAddress);
  useEffect(() => setUnreadOnly(inAddress), [inAddress]);
  const notes = useNotifications(unreadOnly);
  const list = useMemo(() => notes.data?.pages.flatMap((p) => p.items) ?? [], [notes.data]);
  // The bell's count says whether anything is left to mark read, even beyond the pages shown.
  const unread = useUnreadCount(true).data;
  const anyUnread = (unread ?? 0) > 0 || list.some((n) => !n.read);
  return (
    <Page
      wide
      title={t('web.notifications.title')}
      lead={<p>{t('web.notifications.lead')}</p>}
      actions={
        <Link to="/account/notifications" className="button button--quiet">
          {t('web.notifications.settings')}
        </Link>
      }
    >
      <div className="notes-tools">
        <CheckboxField
          name="unread"
          label={t('web.notifications.unread_only')}
          checked={unreadOnly}
          onChange={(on) => {
            setUnreadOnly(on);
            setParams(on ? { unread: 'true' } : {}, { replace: true });
          }}
        />
        <MarkAllRead disabled={!anyUnread} />
      </div>
      <section aria-labelledby="notes-title">
        <h2 id="notes-title" className="visually-hidden">
          {t('web.notifications.list')}
        </h2>
        <QueryView
          query={notes}
          data={list}
          isEmpty={(l) => l.length === 0}
          empty={<p>{unreadOnly ? t('web.notifications.none_unread') : t('web.notifications.none')}</p>}
        >
          {(items) => <CardList items={items} pager={notes} render={(n) => <NotificationCard note={n} />} />}
        </QueryView>
      </section>
    </Page>
  );
}
