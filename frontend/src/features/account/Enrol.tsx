import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, RetryLater } from '../../api/client';
import type { User } from '../../api/types';
import { homeFor, safeNext } from './session';
import { Page } from '../../components/Page';
import { RequireAccount } from './RequireAccount';
import { QueryView } from '../../components/QueryView';
import { Notice } from '../../components/Status';
import { CheckboxField, TextField } from '../../forms/fields';
import { MutationForm } from '../../forms/MutationForm';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { allKinds } from './kinds';
import { type TOTPEnrolment, useBeginTotp, useConfirmTotp, useSecondFactor } from '../../api/account';
import { QrCode } from './QrCode';
import { RecoveryCodes } from './RecoveryCodes';
import { useWait } from './useWait';
import { WaitNotice } from './WaitNotice';
import './account.css';
import './enrol.css';

/** groupSecret writes a base32 secret in groups of four, easier to type. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Enrol sets up an authenticator app (TOTP): the password again, then the
 * QR code (drawn in the browser) or the key to type, a first code, and the
 * recovery codes to keep. Accounts whose kind requires a second factor are
 * sent here until they have one.
 */
export default function Enrol() {
  return <RequireAccount kinds={allKinds}>{(user) => <EnrolFlow user={user} />}</RequireAccount>;
}

type Step = { kind: 'password' } | { kind: 'scan'; enrolment: TOTPEnrolment } | { kind: 'codes'; codes: string[] };

function EnrolFlow({ user }: { user: User }) {
  const { t, label, date } = useI18n();
  const status = useSecondFactor();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step.kind]);
  const required = user.second_factor.required;
  const lead = required ? t('web.enrol.lead_required', { Role: label('account_role', user.role) }) : t('web.enrol.lead_optional');
  const n = step.kind === 'password' ? 1 : step.kind === 'scan' ? 2 : 3;
  return (
    <QueryView query={status}>
      {(sf) =>
        sf.enabled && step.kind !== 'codes' ? (
          <Page title={t('web.enrol.title')}>
            <Notice tone="success">
              <p>{sf.enabled_at ? t('web.enrol.already', { Date: date(sf.enabled_at) }) : t('web.enrol.already_undated')}</p>
            </Notice>
            <p>
              <Link to="/account">{t('web.enrol.to_security')}</Link>
            </p>
          </Page>
        ) : (
          <Page title={t('web.enrol.title')} lead={<p>{lead}</p>}>
            <div className="enrol">
              <p className="enrol__count">{t('web.enrol.step_of', { N: n, Total: 3 })}</p>
              {step.kind === 'password' && (
                <PasswordStep headingRef={heading} required={required} onStarted={(enrolment) => setStep({ kind: 'scan', enrolment })} />
              )}
              {step.kind === 'scan' && (
                <ScanStep
                  headingRef={heading}
                  enrolment={step.enrolment}
                  onConfirmed={(codes) => setStep({ kind: 'codes', codes })}
                  onRestart={() => setStep({ kind: 'password' })}
                />
              )}
              {step.kind === 'codes' && <CodesStep headingRef={heading} codes={step.codes} user={user} />}
            </div>
          </Page>
        )
      }
    </QueryView>
  );
}

type HeadingRef = React.RefObject<HTMLHeadingElement | null>;

function PasswordStep({ headingRef, required, onStarted }: { headingRef: HeadingRef; required: boolean; onStarted: (e: TOTPEnrolment) => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const form = useFormErrors();
  const { left, wait } = useWait();
  const begin = useBeginTotp({
    onSuccess: onStarted,
    onError: (e) => {
      if (e instanceof RetryLater) wait(e.retryAfter);
      form.report(e);
    },
  });
  return (
    <section aria-labelledby="enrol-step-title">
      <h2 id="enrol-step-title" ref={headingRef} tabIndex={-1}>
        {t('web.enrol.step_password')}
      </h2>
      {required && (
        <Notice tone="warning">
          <p>{t('web.enrol.required_note')}</p>
        </Notice>
      )}
      <p>{t('web.enrol.what')}</p>
      <p>{t('web.enrol.apps')}</p>
      <MutationForm
        className="form form--narrow"
        form={form}
        onSubmit={() => {
          if (!begin.isPending && left === 0) begin.mutate(password);
        }}
      >
        <TextField
          name="password"
          type="password"
          label={t('web.account.password')}
          hint={t('web.enrol.password_hint')}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.fields.password}
          required
        />
        <WaitNotice left={left} />
        <button type="submit" className="button button--primary" disabled={begin.isPending || left > 0}>
          {begin.isPending ? t('web.common.sending') : t('web.enrol.begin')}
        </button>
      </MutationForm>
    </section>
  );
}

function ScanStep(props: { headingRef: HeadingRef; enrolment: TOTPEnrolment; onConfirmed: (codes: string[]) => void; onRestart: () => void }) {
  const { t } = useI18n();
  const { enrolment } = props;
  const [code, setCode] = useState('');
  const form = useFormErrors();
  const { left, wait } = useWait();
  const confirm = useConfirmTotp({
    onSuccess: (answer) => props.onConfirmed(answer.recovery_codes),
    onError: (e) => {
      if (e instanceof RetryLater) wait(e.retryAfter);
      form.report(e);
      if (e instanceof ApiError && e.code === 'totp_not_started') props.onRestart();
    },
  });
  return (
    <section aria-labelledby="enrol-step-title">
      <h2 id="enrol-step-title" ref={props.headingRef} tabIndex={-1}>
        {t('web.enrol.step_scan')}
      </h2>
      <div className="enrol__scan">
        <QrCode text={enrolment.otpauth_uri} fallback={enrolment.qr_code} label={t('web.enrol.qr_alt')} />
        <ol className="enrol__how">
          <li>{t('web.enrol.how_open')}</li>
          <li>{t('web.enrol.how_scan')}</li>
          <li>{t('web.enrol.how_code')}</li>
        </ol>
      </div>
      <dl className="details enrol__key">
        <div>
          <dt>{t('web.enrol.key')}</dt>
          <dd>
            <code className="enrol__secret" data-testid="totp-secret" aria-label={enrolment.secret.split('').join(' ')}>
              {groupSecret(enrolment.secret)}
            </code>
            <p className="field__hint">{t('web.enrol.key_hint', { Digits: enrolment.digits, Period: enrolment.period })}</p>
          </dd>
        </div>
        <div>
          <dt>{t('web.enrol.uri')}</dt>
          <dd>
            <code className="enrol__uri" data-testid="totp-uri">
              {enrolment.otpauth_uri}
            </code>
            <p>
              <a href={enrolment.otpauth_uri}>{t('web.enrol.open_app')}</a>
            </p>
          </dd>
        </div>
      </dl>
      <MutationForm
        className="form form--narrow"
        form={form}
        onSubmit={() => {
          if (!confirm.isPending && left === 0) confirm.mutate(code.trim());
        }}
      >
        <TextField
          name="code"
          label={t('web.second_step.code_label')}
          hint={t('web.enrol.code_hint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={form.fields.code}
          required
          className="field--code"
        />
        <WaitNotice left={left} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={confirm.isPending || left > 0}>
            {confirm.isPending ? t('web.common.sending') : t('web.enrol.confirm')}
          </button>
          <button type="button" className="button button--quiet" onClick={props.onRestart}>
            {t('web.enrol.restart')}
          </button>
        </div>
      </MutationForm>
    </section>
  );
}

function CodesStep({ headingRef, codes, user }: { headingRef: HeadingRef; codes: string[]; user: User }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [saved, setSaved] = useState(false);
  const [missing, setMissing] = useState(false);
  return (
    <section aria-labelledby="enrol-step-title">
      <Notice tone="success">
        <p>{t('web.enrol.on')}</p>
      </Notice>
      <h2 id="enrol-step-title" ref={headingRef} tabIndex={-1}>
        {t('web.enrol.step_codes')}
      </h2>
      <p>{t('web.recovery.explain')}</p>
      <RecoveryCodes codes={codes} email={user.email} />
      <form
        className="form form--narrow enrol__finish"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!saved) {
            setMissing(true);
            document.getElementById('field-saved')?.focus();
            return;
          }
          navigate(next ?? homeFor(user.role), { replace: true });
        }}
      >
        <CheckboxField
          name="saved"
          label={t('web.recovery.saved')}
          checked={saved}
          onChange={(v) => {
            setSaved(v);
            if (v) setMissing(false);
          }}
          error={missing ? t('web.recovery.saved_required') : undefined}
        />
        <button type="submit" className="button button--primary">
          {t('web.enrol.continue')}
        </button>
      </form>
    </section>
  );
}
