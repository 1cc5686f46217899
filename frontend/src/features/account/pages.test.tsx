import { useQuery } from '@tanstack/react-query';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { client, unwrap as sendCall } from '../../api/client';
import { useMe } from '../../api/auth';
import type { Consents, PurposeConsent } from '../../api/account';
import type { User } from '../../api/types';
import { at, jsonResponse, renderWith } from '../../test/render';
import SignIn from './SignIn';
import Enrol from './Enrol';
import { useEnrolmentWatch } from './gate';
import Privacy from './Privacy';
import Sessions from './Sessions';
import MyData from './MyData';
import ProfileViews from './ProfileViews';

/** A fake API: handlers by "METHOD /path"; every call is recorded with its JSON body. */
type Handler = (body: unknown, req: Request) => Response | Promise<Response>;
let handlers: Record<string, Handler> = {};
let calls: { key: string; body: unknown }[] = [];

beforeEach(() => {
  handlers = {};
  calls = [];
  vi.stubGlobal('fetch', async (req: Request) => {
    const key = `${req.method} ${new URL(req.url).pathname}`;
    const text = req.method === 'GET' || req.method === 'HEAD' ? '' : await req.text();
    const body = text ? JSON.parse(text) : undefined;
    calls.push({ key, body });
    const h = handlers[key];
    if (h) return h(body, req);
    return jsonResponse(404, { type: 't', title: 'Not found', status: 404, detail: 'Nothing here.', code: 'not_found' }, 'application/problem+json');
  });
});
afterEach(() => vi.unstubAllGlobals());

const noFactor = { enabled: false, required: false, enrolment_started: false, enabled_at: null, recovery_codes_left: 0 };
function user(role: User['role'], second = noFactor): User {
  return { id: 7, email: 'kenji@example.jp', name: 'Kenji Sato', role, locale: 'en', created_at: '2026-01-01T00:00:00Z', second_factor: second };
}
const problem = (status: number, code: string, detail: string, extra: object = {}) =>
  jsonResponse(status, { type: 't', title: 't', status, detail, code, ...extra }, 'application/problem+json');


describe('SignIn', () => {
  it('asks for the code when the password was right, then signs in', async () => {
    handlers['POST /api/v1/auth/login'] = () =>
      jsonResponse(202, { second_factor_required: true, methods: ['totp', 'recovery_code'], expires_at: '2026-01-01T00:05:00Z' });
    handlers['POST /api/v1/auth/login/second-factor'] = (body) =>
      (body as { code: string }).code === '123456'
        ? jsonResponse(200, user('org_member', { ...noFactor, required: true, enabled: true }))
        : problem(400, 'validation_failed', 'Some fields are not valid.', { errors: [{ field: 'code', code: 'second_factor_invalid', message: 'This code is not right.' }] });
    await renderWith(at('/signin', <SignIn />), { path: '/signin' });
    fireEvent.change(screen.getByLabelText('E-mail address'), { target: { value: 'kenji@example.jp' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'bridges-over-rivers-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const code = await screen.findByLabelText('6-digit code');
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    fireEvent.change(code, { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('This code is not right.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('6-digit code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByTestId('where')).textContent).toBe('/organization');
  });

  it('offers a recovery code instead, and starts again when the pending sign-in expired', async () => {
    handlers['POST /api/v1/auth/login'] = () => jsonResponse(202, { second_factor_required: true, methods: ['totp', 'recovery_code'], expires_at: '2026-01-01T00:05:00Z' });
    handlers['POST /api/v1/auth/login/second-factor'] = () => problem(401, 'sign_in_expired', 'Your sign-in has expired. Please sign in again.');
    await renderWith(at('/signin', <SignIn />), { path: '/signin' });
    fireEvent.change(screen.getByLabelText('E-mail address'), { target: { value: 'kenji@example.jp' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    fireEvent.click(await screen.findByRole('button', { name: 'I cannot use my app: use a recovery code' }));
    fireEvent.change(screen.getByLabelText('Recovery code'), { target: { value: 'abcd-efgh-jkmn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Your sign-in has expired. Please sign in again.')).toBeTruthy();
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('E-mail address') as HTMLInputElement).value).toBe('kenji@example.jp');
  });

  it('waits as long as Retry-After says after too many attempts, in Japanese too', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      handlers['POST /api/v1/auth/login'] = () =>
        new Response(JSON.stringify({ type: 't', title: '多すぎます', status: 429, detail: 'ログインの失敗が続いています。', code: 'too_many_attempts' }), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '3' },
        });
      await renderWith(at('/signin', <SignIn />), { path: '/signin', lang: 'ja' });
      fireEvent.change(screen.getByLabelText('メールアドレス'), { target: { value: 'a@b.c' } });
      fireEvent.change(screen.getByLabelText('パスワード'), { target: { value: 'x' } });
      const button = screen.getByRole('button', { name: 'ログイン' });
      fireEvent.click(button);
      expect((await screen.findByRole('alert')).textContent).toContain('ログインの失敗が続いています。');
      expect(screen.getByTestId('wait-notice').textContent).toContain('3秒後にもう一度お試しいただけます。');
      expect((button as HTMLButtonElement).disabled).toBe(true);
      await act(async () => {
        vi.advanceTimersByTime(3500);
      });
      await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
      expect(screen.queryByTestId('wait-notice')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('Enrol', () => {
  it('shows the URI as text and a QR code drawn locally, then the recovery codes to save', async () => {
    const must = user('org_member', { ...noFactor, required: true });
    handlers['GET /api/v1/me'] = () => jsonResponse(200, must);
    handlers['GET /api/v1/me/second-factor'] = () => jsonResponse(200, must.second_factor);
    const uri = 'otpauth://totp/Setubashi:kenji@example.jp?algorithm=SHA1&digits=6&issuer=Setubashi&period=30&secret=JBSWY3DPEHPK3PXP';
    handlers['POST /api/v1/me/second-factor/totp'] = (body) =>
      (body as { password: string }).password === 'right'
        ? jsonResponse(200, { secret: 'JBSWY3DPEHPK3PXP', otpauth_uri: uri, qr_code: 'data:image/png;base64,AAAA', digits: 6, period: 30, algorithm: 'SHA1' })
        : problem(400, 'validation_failed', 'Some fields are not valid.', { errors: [{ field: 'password', code: 'password_incorrect', message: 'The password is wrong.' }] });
    const codes = Array.from({ length: 10 }, (_, i) => `abcd-efgh-${String(i).padStart(4, '0')}`);
    handlers['POST /api/v1/me/second-factor/totp/confirm'] = () => jsonResponse(200, { recovery_codes: codes });
    await renderWith(at('/account/authenticator', <Enrol />), { path: '/account/authenticator?next=%2Forganization' });
    expect(await screen.findByText(/must confirm each sign-in with a code from an authenticator app/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('The password is wrong.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'right' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByTestId('totp-uri')).textContent).toBe(uri);
    expect(screen.getByTestId('totp-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP');
    const qr = await screen.findByRole('img', { name: 'QR code to add Setubashi to an authenticator app' });
    await waitFor(() => expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/));
    expect(decodeURIComponent(qr.getAttribute('src')!)).toContain('<svg');
    fireEvent.change(screen.getByLabelText('6-digit code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    const list = await screen.findByRole('list', { name: 'Your recovery codes' });
    expect(list.querySelectorAll('li')).toHaveLength(10);
    expect(calls.find((c) => c.key === 'POST /api/v1/me/second-factor/totp/confirm')?.body).toEqual({ code: '123456' });
    // Continuing needs the codes to be saved first.
    fireEvent.click(screen.getByRole('button', { name: 'Continue to Setubashi' }));
    expect(await screen.findByText('Please save your recovery codes and tick this box first.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('I have saved my recovery codes somewhere safe'));
    fireEvent.click(screen.getByRole('button', { name: 'Continue to Setubashi' }));
    expect((await screen.findByTestId('where')).textContent).toBe('/organization');
  });
});

function purpose(p: Partial<PurposeConsent> & Pick<PurposeConsent, 'purpose'>, title: string): PurposeConsent {
  return {
    granted: true,
    effective: true,
    wording_version: 'v1',
    decided_at: '2026-03-01T10:00:00Z',
    requires: [],
    wording: { version: 'v1', effective_from: '2026-01-01', language: 'en', title, text: `${title}: what, who and why.` },
    ...p,
  };
}

function consents(shareGranted: boolean, transferGranted: boolean): Consents {
  return {
    purposes: [
      purpose({ purpose: 'share_with_applied', granted: shareGranted, effective: shareGranted && transferGranted, requires: ['transfer_to_japan'] }, 'Share my profile with the organisations I apply to'),
      purpose({ purpose: 'discoverable', granted: false, effective: false, decided_at: null, wording_version: null, requires: ['transfer_to_japan'] }, 'Let verified organisations find me'),
      {
        ...purpose({ purpose: 'transfer_to_japan', granted: transferGranted, effective: transferGranted }, 'Send my profile to recipients in Japan'),
        wording: {
          version: 'v1',
          effective_from: '2026-01-01',
          language: 'en',
          title: 'Send my profile to recipients in Japan',
          text: 'Every organisation is in Japan.',
          recipient: { country: 'JP', country_name: 'Japan', regime: 'APPI, supervised by the PPC.', safeguards: 'Verified organisations only.' },
        },
      },
    ],
    history: [{ purpose: 'share_with_applied', granted: true, wording_version: 'v1', language: 'en', source: 'profile', at: '2026-03-01T10:00:00Z' }],
    history_complete: true,
  };
}

describe('Privacy', () => {
  it('explains each purpose in the API’s words, withdraws with one click and says it took effect at once', async () => {
    let state = consents(true, true);
    handlers['GET /api/v1/me'] = () => jsonResponse(200, user('candidate'));
    handlers['GET /api/v1/me/consents'] = () => jsonResponse(200, state);
    handlers['POST /api/v1/me/consents'] = (body) => {
      const b = body as { purpose: string; granted: boolean };
      state = consents(b.purpose === 'share_with_applied' ? b.granted : true, b.purpose === 'transfer_to_japan' ? b.granted : true);
      return jsonResponse(200, state);
    };
    await renderWith(<Privacy />, { path: '/account/privacy' });
    const transfer = (await screen.findByRole('article', { name: 'Send my profile to recipients in Japan' })) as HTMLElement;
    expect(transfer.textContent).toContain('APPI, supervised by the PPC.');
    expect(transfer.textContent).toContain('Japan');
    expect(transfer.textContent).toContain('Wording version v1');
    expect(screen.getByTestId('consent-now').textContent).toContain('Organisations you apply to can see your profile.');
    fireEvent.click(transfer.querySelector('button')!);
    await waitFor(() => expect(transfer.textContent).toContain('Consent withdrawn: this took effect at once'));
    expect(calls.find((c) => c.key === 'POST /api/v1/me/consents')?.body).toEqual({ purpose: 'transfer_to_japan', granted: false, wording_version: 'v1' });
    expect(screen.getByTestId('consent-now').textContent).toContain('Organisations you apply to cannot see your profile.');
    const share = screen.getByRole('article', { name: 'Share my profile with the organisations I apply to' });
    expect(share.textContent).toContain('Given, not in effect');
    expect(share.textContent).toContain('This has no effect while “Send my profile to recipients in Japan” is not given.');
    // Give it again.
    fireEvent.click(screen.getByRole('button', { name: 'Give consent', description: 'Send my profile to recipients in Japan' }));
    await waitFor(() => expect(screen.getByTestId('consent-now').textContent).toContain('Organisations you apply to can see your profile.'));
  });
});

describe('Sessions', () => {
  it('lists sessions and signs out everywhere after asking', async () => {
    handlers['GET /api/v1/me'] = () => jsonResponse(200, user('candidate'));
    handlers['GET /api/v1/me/sessions'] = () =>
      jsonResponse(200, {
        items: [
          { id: 2, created_at: '2026-03-02T10:00:00Z', last_seen_at: '2026-03-02T11:00:00Z', expires_at: '2026-03-09T10:00:00Z', second_factor: false, ip: '127.0.0.1', browser: 'Chrome', os: 'Linux', current: true },
          { id: 1, created_at: '2026-03-01T10:00:00Z', last_seen_at: '2026-03-01T11:00:00Z', expires_at: '2026-03-08T10:00:00Z', second_factor: false, ip: '10.0.0.8', browser: '', os: '', current: false },
        ],
        next_cursor: '',
      });
    handlers['DELETE /api/v1/me/sessions'] = () => new Response(null, { status: 204 });
    await renderWith(at('/account/sessions', <Sessions />), { path: '/account/sessions' });
    expect(await screen.findByRole('heading', { name: 'Chrome on Linux' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Unknown browser' })).toBeTruthy();
    expect(screen.getByText('This device')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Sign out everywhere' })[0]!);
    const yes = await screen.findByRole('button', { name: 'Yes, sign out everywhere' });
    await waitFor(() => expect(document.activeElement).toBe(yes));
    fireEvent.click(yes);
    expect((await screen.findByTestId('where')).textContent).toBe('/signin');
    expect(calls.some((c) => c.key === 'DELETE /api/v1/me/sessions')).toBe(true);
  });
});

describe('MyData', () => {
  it('erases the account only with the box ticked, then says it is gone', async () => {
    handlers['GET /api/v1/me'] = () => jsonResponse(200, user('candidate'));
    handlers['DELETE /api/v1/me'] = () => new Response(null, { status: 204 });
    await renderWith(at('/account/data', <MyData />), { path: '/account/data' });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete my account…' }));
    const form = screen.getByRole('form', { name: 'Confirm deletion' });
    fireEvent.change(screen.getByLabelText('Your password, to confirm'), { target: { value: 'leaving-soon-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account for good' }));
    expect(form.textContent).toContain('Please tick this box to confirm.');
    expect(calls.some((c) => c.key === 'DELETE /api/v1/me')).toBe(false);
    fireEvent.click(screen.getByLabelText('I understand that my account and profile will be deleted for good'));
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account for good' }));
    expect((await screen.findByTestId('where')).textContent).toBe('/account/deleted');
    expect(calls.find((c) => c.key === 'DELETE /api/v1/me')?.body).toEqual({ password: 'leaving-soon-2026' });
  });
});

describe('ProfileViews', () => {
  const view = (id: number, name: string) => ({
    id,
    organization: { id, name_ja: `${name}株式会社`, name_en: `${name} K.K.`, kind: 'startup', prefecture: 'tokyo' },
    viewed_on: '2026-03-02',
    first_seen_at: '2026-03-02T10:00:00Z',
    source: 'application',
  });
  it('lists who viewed the profile and moves to the first of the next page', async () => {
    handlers['GET /api/v1/me'] = () => jsonResponse(200, user('candidate'));
    handlers['GET /api/v1/me/profile-views'] = (_, req) =>
      new URL(req.url).searchParams.get('cursor') === 'p2'
        ? jsonResponse(200, { items: [view(2, 'Kumo')], next_cursor: '' })
        : jsonResponse(200, { items: [view(1, 'Sakura')], next_cursor: 'p2' });
    await renderWith(<ProfileViews />, { path: '/account/profile-views' });
    const list = await screen.findByRole('list', { name: 'Who viewed my profile' });
    expect(list.textContent).toContain('Sakura K.K.');
    expect(list.textContent).toContain('Opened your application');
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Kumo K.K.'));
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });
});

describe('the enrolment watch', () => {
  function Watched() {
    useEnrolmentWatch();
    const me = useMe();
    // Another page's call, once the user is known.
    const orgs = useQuery({ queryKey: ['orgs'], queryFn: () => sendCall(client.GET('/api/v1/me/organizations')), retry: false, enabled: !!me.data });
    return (
      <p>
        {me.data?.second_factor.required ? 'must enrol' : 'fine'} · {orgs.isError ? 'refused' : 'waiting'}
      </p>
    );
  }

  it('reloads the user when any call says an authenticator app must be set up first', async () => {
    let meCalls = 0;
    handlers['GET /api/v1/me'] = () => {
      meCalls++;
      return jsonResponse(200, user('org_member', meCalls > 1 ? { ...noFactor, required: true } : noFactor));
    };
    handlers['GET /api/v1/me/organizations'] = () => problem(403, 'second_factor_enrolment_required', 'Set up an authenticator app first.');
    await renderWith(<Watched />);
    expect(await screen.findByText('must enrol · refused')).toBeTruthy();
    expect(meCalls).toBe(2);
  });
});
