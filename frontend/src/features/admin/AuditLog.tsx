import { useMemo, useRef } from 'react';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { QueryView } from '../../components/QueryView';
import { useI18n } from '../../i18n/I18nProvider';
import { AdminNav } from './AdminNav';
import { type AuditEvent, useAuditLog } from '../../api/admin';
import '../account/account.css';

/** AuditLog shows administrators the append-only audit log, newest first, a page at a time. */
export default function AuditLog() {
  return <RequireAccount kinds={['admin']}>{() => <AuditPage />}</RequireAccount>;
}

/** statusTone colours an HTTP status: success, client error, server error. */
export function statusTone(status: number): 'success' | 'warning' | 'danger' | 'neutral' {
  if (status >= 500) return 'danger';
  if (status >= 400) return 'warning';
  if (status >= 200 && status < 400) return 'success';
  return 'neutral';
}

function AuditPage() {
  const { t } = useI18n();
  const log = useAuditLog();
  const list = useMemo(() => log.data?.pages.flatMap((p) => p.items) ?? [], [log.data]);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  return (
    <Page wide title={t('web.audit.title')} lead={<p>{t('web.audit.lead')}</p>}>
      <AdminNav />
      <QueryView query={log} data={list} isEmpty={(l) => l.length === 0} empty={<p>{t('web.audit.none')}</p>}>
        {(events) => (
          <>
            <div className="table-wrap" role="region" aria-labelledby="audit-caption" tabIndex={0}>
              <table className="table table--audit">
                <caption id="audit-caption" className="visually-hidden">
                  {t('web.audit.caption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('web.audit.col_when')}</th>
                    <th scope="col">{t('web.audit.col_who')}</th>
                    <th scope="col">{t('web.audit.col_what')}</th>
                    <th scope="col">{t('web.audit.col_result')}</th>
                    <th scope="col">{t('web.audit.col_from')}</th>
                  </tr>
                </thead>
                <tbody ref={bodyRef}>
                  {events.map((e) => (
                    <AuditRow key={e.id} event={e} />
                  ))}
                </tbody>
              </table>
            </div>
            <LoadMore pager={log} count={events.length} listRef={bodyRef} itemSelector="th" label={t('web.audit.more')} />
          </>
        )}
      </QueryView>
    </Page>
  );
}

function AuditRow({ event: e }: { event: AuditEvent }) {
  const { t, dateTime, label } = useI18n();
  return (
    <tr>
      <th scope="row" tabIndex={-1} className="table__when">
        <time dateTime={e.at}>{dateTime(e.at)}</time>
      </th>
      <td>
        {e.actor_id === null ? (
          <span className="muted">{t('web.audit.anonymous')}</span>
        ) : (
          <>
            {t('web.audit.account', { ID: String(e.actor_id) })}
            {e.actor_role && <span className="table__sub">{label('account_role', e.actor_role)}</span>}
          </>
        )}
      </td>
      <td>
        <code className="table__code">
          {e.method} {e.path}
        </code>
        {e.object_id !== null && <span className="table__sub">{t('web.audit.object', { ID: String(e.object_id) })}</span>}
      </td>
      <td>
        <span className={`badge badge--${statusTone(e.status)}`}>{e.status}</span>
      </td>
      <td>
        {e.ip}
        {e.user_agent && (
          <span className="table__sub table__ua" title={e.user_agent}>
            {e.user_agent}
          </span>
        )}
        <span className="table__sub">{t('web.audit.request', { ID: e.request_id })}</span>
      </td>
    </tr>
  );
}
