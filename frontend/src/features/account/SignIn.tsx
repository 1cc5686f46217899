import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { User } from '../../api/types';
import { safeNext, startFor, useSignedIn } from './session';
import { useAnnounce } from '../../components/Announcer';
import { Page } from '../../components/Page';
import { Notice } from '../../components/Status';
import { TextField } from '../../forms/fields';
import { MutationForm, reportingTo } from '../../forms/MutationForm';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { RetryLater } from '../../api/client';
import { SecondStep } from './SecondStep';
import { useWait } from './useWait';
import { WaitNotice } from './WaitNotice';
import { isChallenge, type SecondFactorChallenge, useLogin } from '../../api/auth';

/**
 * SignIn opens a session with an e-mail address and password, then, for an
 * account with an authenticator app, a code from it. Too many attempts
 * (429) disable the button for as long as Retry-After says.
 */
export default function SignIn() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const location = useLocation();
  const everywhere = (location.state as { signedOutEverywhere?: boolean } | null)?.signedOutEverywhere === true;
  const signedIn = useSignedIn();
  const announce = useAnnounce();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(null);
  const [restarted, setRestarted] = useState<string | null>(null);
  const form = useFormErrors();
  const { left, wait } = useWait(() => announce(t('web.wait.ready')));
  const done = async (user: User) => {
    await signedIn(user);
    navigate(startFor(user, next), { replace: true });
  };
  const login = useLogin(
    reportingTo(form, {
      onSuccess: async (answer) => {
        if (isChallenge(answer)) {
          setRestarted(null);
          setChallenge(answer);
          return;
        }
        await done(answer);
      },
      onError: (e) => {
        if (e instanceof RetryLater) wait(e.retryAfter);
      },
    }),
  );
  const busy = login.isPending || left > 0;
  return (
    <Page title={t('web.signin.title')} lead={<p>{challenge ? t('web.second_step.page_lead') : t('web.signin.lead')}</p>}>
      {challenge ? (
        <SecondStep
          challenge={challenge}
          onSignedIn={done}
          onRestart={(message) => {
            setChallenge(null);
            setPassword('');
            setRestarted(message ?? '');
            form.clear();
          }}
        />
      ) : (
        <MutationForm
          className="form form--narrow"
          form={form}
          onSubmit={() => {
            if (!busy) login.mutate({ email, password });
          }}
          before={
            <>
              {everywhere && restarted === null && !form.message && <Notice tone="success">{t('web.sessions.signed_out_everywhere')}</Notice>}
              {restarted !== null && !form.message && (
                <Notice tone="warning">
                  <p>{restarted || t('web.second_step.restarted')}</p>
                </Notice>
              )}
            </>
          }
        >
          <TextField name="email" type="email" label={t('web.account.email')} autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={form.fields.email} required />
          <TextField name="password" type="password" label={t('web.account.password')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={form.fields.password} required />
          <WaitNotice left={left} />
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {login.isPending ? t('web.common.sending') : t('web.signin.submit')}
          </button>
          <p className="form__after">
            {t('web.signin.no_account')} <Link to={next ? `/signup?next=${encodeURIComponent(next)}` : '/signup'}>{t('web.nav.sign_up')}</Link>
          </p>
        </MutationForm>
      )}
    </Page>
  );
}
