import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeNext, useSignedIn } from './session';
import { Page } from '../../components/Page';
import { RadioGroup, TextField } from '../../forms/fields';
import { MutationForm, reportingTo } from '../../forms/MutationForm';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { type RegisterRequest, useRegister } from '../../api/auth';

/** The kinds of account one may sign up as (the request's `role`). */
type SelfKind = RegisterRequest['role'];

/** SignUp creates a candidate or organisation-member account and signs it in. */
export default function SignUp() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [kind, setKind] = useState<SelfKind>(params.get('as') === 'org_member' ? 'org_member' : 'candidate');
  const form = useFormErrors();
  const register = useRegister(
    reportingTo(form, {
      onSuccess: async (user) => {
        await signedIn(user);
        navigate(next ?? (user.role === 'candidate' ? '/profile' : '/organization'), { replace: true, state: { welcome: true } });
      },
    }),
  );
  return (
    <Page title={t('web.signup.title')} lead={<p>{t('web.signup.lead')}</p>}>
      <MutationForm className="form form--narrow" form={form} onSubmit={() => register.mutate({ name, email, password, role: kind, locale: lang })}>
        <RadioGroup
          name="role"
          legend={t('web.signup.role')}
          value={kind}
          onChange={(v) => setKind(v as SelfKind)}
          error={form.fields.role}
          options={[
            { value: 'candidate', label: t('web.signup.as_candidate'), hint: t('web.signup.as_candidate_hint') },
            { value: 'org_member', label: t('web.signup.as_org'), hint: t('web.signup.as_org_hint') },
          ]}
        />
        <TextField name="name" label={t('web.account.name')} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={form.fields.name} required />
        <TextField name="email" type="email" label={t('web.account.email')} autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={form.fields.email} required />
        <TextField
          name="password"
          type="password"
          label={t('web.account.password')}
          hint={t('web.signup.password_hint')}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.fields.password}
          required
        />
        <button type="submit" className="button button--primary button--block" disabled={register.isPending}>
          {register.isPending ? t('web.common.sending') : t('web.signup.submit')}
        </button>
        <p className="form__after">
          {t('web.signup.have_account')} <Link to={next ? `/signin?next=${encodeURIComponent(next)}` : '/signin'}>{t('web.nav.sign_in')}</Link>
        </p>
      </MutationForm>
    </Page>
  );
}
