import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { User } from '../../api/types';
import { enrolPath } from './session';
import { useAnnounce } from '../../components/Announcer';
import { Page } from '../../components/Page';
import { RequireAccount } from './RequireAccount';
import { Notice } from '../../components/Status';
import { TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { RetryLater } from '../../api/client';
import { AccountNav } from './AccountNav';
import { RecoveryCodes } from './RecoveryCodes';
import { allKinds } from './kinds';
import { useWait } from './useWait';
import { WaitNotice } from './WaitNotice';
import './account.css';
import { keys } from '../../api/keys';
import { type SecondFactorStatus, useChangePassword, useSecondFactor, useSecondFactorCode } from '../../api/account';
import { QueryView } from '../../components/QueryView';
import { MutationForm } from '../../forms/MutationForm';

/** Account is "account and security": who you are here, the authenticator app, the password. */
export default function Account() {
  return <RequireAccount kinds={allKinds}>{(user) => <AccountPage user={user} />}</RequireAccount>;
}

function AccountPage({ user }: { user: User }) {
  const { t, label, date } = useI18n();
  return (
    <Page wide title={t('web.security.title')} lead={<p>{t('web.security.lead')}</p>}>
      <div className="account-layout">
        <AccountNav user={user} />
        <div className="account-layout__main">
          <section className="panel" aria-labelledby="me-title">
            <h2 id="me-title" className="panel__title">
              {t('web.security.you')}
            </h2>
            <dl className="details">
              <div>
                <dt>{t('web.account.name')}</dt>
                <dd>{user.name}</dd>
              </div>
              <div>
                <dt>{t('web.account.email')}</dt>
                <dd>{user.email}</dd>
              </div>
              <div>
                <dt>{t('web.security.role')}</dt>
                <dd>{label('account_role', user.role)}</dd>
              </div>
              <div>
                <dt>{t('web.security.since')}</dt>
                <dd>{date(user.created_at)}</dd>
              </div>
            </dl>
          </section>
          <SecondFactor />
          <PasswordChange />
        </div>
      </div>
    </Page>
  );
}

function SecondFactor() {
  const { t, plural, date } = useI18n();
  const status = useSecondFactor();
  const [codes, setCodes] = useState<string[] | null>(null);
  const me = useQueryClient().getQueryData<User | null>(keys.me);
  return (
    <section className="panel" aria-labelledby="second-factor-title">
      <h2 id="second-factor-title" className="panel__title">
        {t('web.security.second_factor')}
      </h2>
      <QueryView query={status}>
        {(sf) => (
        <>
          <p className="lead-line">
            <span className={`badge ${sf.enabled ? 'badge--success' : 'badge--muted'}`}>
              {sf.enabled ? t('web.security.on') : t('web.security.off')}
            </span>
            {sf.enabled && sf.enabled_at && <span>{t('web.security.on_since', { Date: date(sf.enabled_at) })}</span>}
          </p>
          <p>{sf.required ? t('web.security.required') : t('web.security.optional')}</p>
          {sf.enabled ? (
            <>
              <p>{plural('web.security.codes_left', sf.recovery_codes_left)}</p>
              {sf.recovery_codes_left <= 3 && (
                <Notice tone="warning">
                  <p>{t('web.security.codes_low')}</p>
                </Notice>
              )}
              {codes && (
                <div className="stack">
                  <Notice tone="success">
                    <p>{t('web.security.codes_new')}</p>
                  </Notice>
                  <RecoveryCodes codes={codes} email={me?.email ?? ''} />
                </div>
              )}
              <CodeAction
                kind="codes"
                status={sf}
                onDone={(answer) => setCodes(answer ?? null)}
              />
              <CodeAction kind="disable" status={sf} onDone={() => setCodes(null)} />
            </>
          ) : (
            <p>
              <Link to={`${enrolPath}?next=%2Faccount`} className="button button--primary">
                {t('web.security.set_up')}
              </Link>
            </p>
          )}
        </>
        )}
      </QueryView>
    </section>
  );
}

/** CodeAction is an action that needs a current code: new recovery codes, or turning the app off. */
function CodeAction({ kind, status, onDone }: { kind: 'codes' | 'disable'; status: SecondFactorStatus; onDone: (codes?: string[]) => void }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const name = `${kind}-code`;
  const aliases = useMemo(() => ({ code: name }), [name]);
  const form = useFormErrors(aliases);
  const { left, wait } = useWait();
  const act = useSecondFactorCode(kind, {
    onSuccess: (codes) => {
      setOpen(false);
      setCode('');
      onDone(codes);
      announce(kind === 'codes' ? t('web.security.codes_new') : t('web.security.turned_off'));
    },
    onError: (e) => {
      if (e instanceof RetryLater) wait(e.retryAfter);
      form.report(e);
    },
  });
  const title = kind === 'codes' ? t('web.security.new_codes') : t('web.security.turn_off');
  const formId = `${name}-form`;
  return (
    <div className="code-action">
      <p>
        <button
          type="button"
          className={`button ${kind === 'codes' ? 'button--secondary' : 'button--quiet'}`}
          onClick={() => {
            setOpen((o) => !o);
            form.clear();
          }}
          aria-expanded={open}
          aria-controls={open ? formId : undefined}
        >
          {title}
        </button>
      </p>
      {open && (
        <MutationForm
          id={formId}
          className="subform"
          aria-label={title}
          form={form}
          onSubmit={() => {
            if (!act.isPending && left === 0) act.mutate(code.trim());
          }}
          before={
            kind === 'disable' && (
              <Notice tone="warning">
                <p>{status.required ? t('web.security.turn_off_required') : t('web.security.turn_off_warning')}</p>
              </Notice>
            )
          }
        >
          <TextField
            name={name}
            label={t('web.security.code_or_recovery')}
            hint={kind === 'codes' ? t('web.security.new_codes_hint') : t('web.security.turn_off_hint')}
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={form.fields[name]}
            required
            autoFocus
            className="field--code"
          />
          <WaitNotice left={left} />
          <button type="submit" className={`button ${kind === 'disable' ? 'button--danger' : 'button--primary'}`} disabled={act.isPending || left > 0}>
            {act.isPending ? t('web.common.sending') : kind === 'codes' ? t('web.security.make_codes') : t('web.security.turn_off_confirm')}
          </button>
        </MutationForm>
      )}
    </div>
  );
}

function PasswordChange() {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const form = useFormErrors();
  const { left, wait } = useWait();
  const change = useChangePassword({
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setDone(true);
      form.clear();
      announce(t('web.password.changed'));
    },
    onError: (e) => {
      setDone(false);
      if (e instanceof RetryLater) wait(e.retryAfter);
      form.report(e);
    },
  });
  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title" className="panel__title">
        {t('web.password.title')}
      </h2>
      <p>{t('web.password.lead')}</p>
      {done && (
        <Notice tone="success">
          <p>{t('web.password.changed')}</p>
        </Notice>
      )}
      <MutationForm
        className="form form--narrow"
        form={form}
        onSubmit={() => {
          if (!change.isPending && left === 0) change.mutate({ current_password: current, new_password: next });
        }}
      >
        <TextField
          name="current_password"
          type="password"
          label={t('web.password.current')}
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={form.fields.current_password}
          required
        />
        <TextField
          name="new_password"
          type="password"
          label={t('web.password.new')}
          hint={t('web.password.new_hint')}
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={form.fields.new_password}
          required
        />
        <WaitNotice left={left} />
        <button type="submit" className="button button--primary" disabled={change.isPending || left > 0}>
          {change.isPending ? t('web.common.saving') : t('web.password.submit')}
        </button>
      </MutationForm>
    </section>
  );
}
