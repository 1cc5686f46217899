import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { User } from '../../api/types';
import { useAnnounce } from '../../components/Announcer';
import { CardList } from '../../components/CardList';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { AdminNav } from './AdminNav';
import { Confirm } from '../../components/Confirm';
import '../account/account.css';
import { type AdminUser, useAdminUsers, useResetSecondFactor, useToggleUser } from '../../api/admin';
import { QueryView } from '../../components/QueryView';
import { reportingTo } from '../../forms/MutationForm';

/** AdminUsers lets administrators find accounts, disable or enable them, and reset a lost second factor. */
export default function AdminUsers() {
  return <RequireAccount kinds={['admin']}>{(me) => <UsersPage me={me} />}</RequireAccount>;
}

function UsersPage({ me }: { me: User }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const email = params.get('email') ?? '';
  const [typed, setTyped] = useState(email);
  const users = useAdminUsers(email);
  const list = useMemo(() => users.data?.pages.flatMap((p) => p.items) ?? [], [users.data]);
  return (
    <Page wide title={t('web.users.title')} lead={<p>{t('web.users.lead')}</p>}>
      <AdminNav />
      <form
        className="search-row"
        role="search"
        aria-label={t('web.users.search_label')}
        onSubmit={(e) => {
          e.preventDefault();
          const v = typed.trim();
          setParams(v ? { email: v } : {});
        }}
      >
        <TextField name="email" type="email" label={t('web.users.email')} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('web.users.search')}
          </button>
          {email && (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setTyped('');
                setParams({});
              }}
            >
              {t('web.users.all')}
            </button>
          )}
        </div>
      </form>
      <section className="section" aria-labelledby="users-title">
        <h2 id="users-title">{email ? t('web.users.found_title', { Email: email }) : t('web.users.list_title')}</h2>
        <QueryView query={users} data={list} isEmpty={(l) => l.length === 0} empty={<p>{t('web.users.none')}</p>}>
          {(items) => <CardList items={items} pager={users} render={(u) => <UserRow user={u} self={u.id === me.id} />} />}
        </QueryView>
      </section>
    </Page>
  );
}

function UserRow({ user: u, self }: { user: AdminUser; self: boolean }) {
  const { t, label, date } = useI18n();
  const announce = useAnnounce();
  const form = useFormErrors();
  const name = u.name || u.email;
  const toggle = useToggleUser(
    u,
    reportingTo(form, {
      onSuccess: (updated) =>
        announce(updated.disabled ? t('web.users.disabled_now', { Name: name }) : t('web.users.enabled_now', { Name: name })),
    }),
  );
  const reset = useResetSecondFactor(u.id, reportingTo(form, { onSuccess: () => announce(t('web.users.reset_done', { Name: name })) }));
  return (
    <article className="row-card user-row" aria-labelledby={`user-${u.id}`}>
      <div className="row-card__main">
        <h3 className="row-card__title" id={`user-${u.id}`} tabIndex={-1}>
          {u.name || t('web.users.no_name')}
        </h3>
        <p className="row-card__sub">{u.email}</p>
        <p className="lead-line">
          <span className="badge badge--info">{label('account_role', u.role)}</span>
          {u.disabled ? <span className="badge badge--danger">{t('web.users.disabled')}</span> : <span className="badge badge--success">{t('web.users.active')}</span>}
          {self && <span className="badge badge--neutral">{t('web.users.you')}</span>}
        </p>
        <p className="row-card__meta">
          {t('web.users.created', { Date: date(u.created_at) })} · {label('language', u.locale)}
        </p>
        {reset.isSuccess && <p className="notice notice--success">{t('web.users.reset_done', { Name: name })}</p>}
        <ErrorSummary form={form} />
      </div>
      {!self && (
        <div className="row-card__side user-row__actions">
          {u.disabled ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={toggle.isPending}
              onClick={() => toggle.mutate()}
              aria-label={t('web.users.enable_named', { Name: name })}
            >
              {t('web.users.enable')}
            </button>
          ) : (
            <Confirm
              label={t('web.users.disable')}
              ariaLabel={t('web.users.disable_named', { Name: name })}
              question={t('web.users.disable_confirm', { Name: name })}
              yes={t('web.users.disable_yes')}
              pending={toggle.isPending}
              onYes={() => toggle.mutateAsync()}
              danger
            />
          )}
          <Confirm
            label={t('web.users.reset')}
            ariaLabel={t('web.users.reset_named', { Name: name })}
            question={t('web.users.reset_confirm', { Name: name })}
            yes={t('web.users.reset_yes')}
            pending={reset.isPending}
            onYes={() => reset.mutateAsync()}
            danger
            triggerClass="button--quiet"
          />
        </div>
      )}
    </article>
  );
}
