import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { client, unwrap } from '../api/client';
import { homeFor, safeNext, useSignedIn } from '../app/session';
import { Page } from '../components/Page';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { useI18n } from '../i18n/I18nProvider';

/** SignIn opens a session with an e-mail address and password. */
export default function SignIn() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormErrors();
  const login = useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/auth/login', { body: { email, password } })),
    onSuccess: async (user) => {
      await signedIn(user);
      navigate(next ?? homeFor(user.role), { replace: true });
    },
    onError: form.report,
  });
  return (
    <Page title={t('web.signin.title')} lead={<p>{t('web.signin.lead')}</p>}>
      <form
        className="form form--narrow"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          login.mutate();
        }}
      >
        <ErrorSummary form={form} />
        <TextField name="email" type="email" label={t('web.account.email')} autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={form.fields.email} required />
        <TextField name="password" type="password" label={t('web.account.password')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={form.fields.password} required />
        <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
          {login.isPending ? t('web.common.sending') : t('web.signin.submit')}
        </button>
        <p className="form__after">
          {t('web.signin.no_account')} <Link to={next ? `/signup?next=${encodeURIComponent(next)}` : '/signup'}>{t('web.nav.sign_up')}</Link>
        </p>
      </form>
    </Page>
  );
}
