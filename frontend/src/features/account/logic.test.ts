import { afterEach, describe, expect, it, vi } from 'vitest';
import { client, parseRetryAfter, RetryLater, unwrap } from '../../api/client';
import type { User } from '../../api/types';
import { mustEnrol, safeNext, startFor } from './session';
import { isChallenge } from '../../api/auth';
import { filenameOf } from './download';
import { statusTone } from '../admin/AuditLog';
import { groupSecret } from './Enrol';
import { openWhileEnrolling } from './gate';
import { accountLinks } from './links';
import { consentState } from './Privacy';
import { recoveryFile } from './RecoveryCodes';
import { splitSeconds } from './useWait';

const sf = { enabled: false, required: false, enrolment_started: false, enabled_at: null, recovery_codes_left: 0 };
const user = (role: User['role'], second = sf): User => ({
  id: 7,
  email: 'a@example.in',
  name: 'A',
  role,
  locale: 'en',
  created_at: '2026-01-01T00:00:00Z',
  second_factor: second,
});

afterEach(() => vi.unstubAllGlobals());

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates, never less than a second', () => {
    expect(parseRetryAfter('42')).toBe(42);
    expect(parseRetryAfter(' 0 ')).toBe(1);
    const now = Date.parse('2026-05-01T10:00:00Z');
    expect(parseRetryAfter('Fri, 01 May 2026 10:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Fri, 01 May 2026 09:00:00 GMT', now)).toBe(1);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter('')).toBeNull();
  });

  it('turns a 429 with Retry-After into RetryLater with the problem', async () => {
    const problem = { type: 't', title: 'Too many requests', status: 429, detail: 'Too many sign-ins.', code: 'too_many_attempts' };
    vi.stubGlobal('fetch', async () =>
      new Response(JSON.stringify(problem), { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '120' } }),
    );
    const err = await unwrap(client.POST('/api/v1/auth/login', { body: { email: 'a@b.c', password: 'x' } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryLater);
    expect((err as RetryLater).retryAfter).toBe(120);
    expect((err as RetryLater).code).toBe('too_many_attempts');
    expect((err as RetryLater).message).toBe('Too many sign-ins.');
  });

  it('splits a wait into minutes and seconds', () => {
    expect(splitSeconds(125)).toEqual({ minutes: 2, seconds: 5 });
    expect(splitSeconds(-3)).toEqual({ minutes: 0, seconds: 0 });
  });
});

describe('signing in', () => {
  it('tells a waiting second step from a signed-in user', () => {
    expect(isChallenge({ second_factor_required: true, methods: ['totp'], expires_at: '2026-01-01T00:05:00Z' })).toBe(true);
    expect(isChallenge(user('candidate'))).toBe(false);
    expect(isChallenge(null)).toBe(false);
  });

  it('sends accounts that must use an authenticator app to set one up first, then on', () => {
    const must = user('org_member', { ...sf, required: true });
    expect(mustEnrol(must)).toBe(true);
    expect(startFor(must, null)).toBe('/account/authenticator');
    expect(startFor(must, '/organization/roles/3/applicants')).toBe('/account/authenticator?next=%2Forganization%2Froles%2F3%2Fapplicants');
    const done = user('org_member', { ...sf, required: true, enabled: true });
    expect(mustEnrol(done)).toBe(false);
    expect(startFor(done, null)).toBe('/organization');
    // Exempt demo accounts (development mode) are not "required".
    expect(startFor(user('admin'), '/admin/audit')).toBe('/admin/audit');
    expect(mustEnrol(null)).toBe(false);
  });

  it('keeps an account that must enrol on the enrolment page', () => {
    expect(openWhileEnrolling('/account/authenticator')).toBe(true);
    expect(openWhileEnrolling('/signin')).toBe(true);
    expect(openWhileEnrolling('/unsubscribe')).toBe(true);
    expect(openWhileEnrolling('/organization')).toBe(false);
    expect(openWhileEnrolling('/notifications')).toBe(false);
    expect(openWhileEnrolling('/account')).toBe(false);
  });
});

describe('account pages', () => {
  it('offer notification settings to all, saved searches, consent and profile views to candidates only', () => {
    expect(accountLinks('candidate').map((l) => l.to)).toEqual([
      '/account',
      '/account/sessions',
      '/account/notifications',
      '/account/searches',
      '/account/privacy',
      '/account/profile-views',
      '/account/data',
    ]);
    expect(accountLinks('org_member').map((l) => l.to)).toEqual(['/account', '/account/sessions', '/account/notifications', '/account/data']);
  });

  it('name where a consent stands', () => {
    const base = {
      purpose: 'share_with_applied' as const,
      wording_version: 'v1',
      requires: [],
      wording: { version: 'v1', effective_from: '2026-01-01', language: 'en' as const, title: 'T', text: 'X' },
    };
    expect(consentState({ ...base, granted: true, effective: true, decided_at: '2026-01-02T00:00:00Z' })).toBe('effective');
    expect(consentState({ ...base, granted: true, effective: false, decided_at: '2026-01-02T00:00:00Z' })).toBe('dormant');
    expect(consentState({ ...base, granted: false, effective: false, decided_at: '2026-01-02T00:00:00Z' })).toBe('withdrawn');
    expect(consentState({ ...base, granted: false, effective: false, decided_at: null, wording_version: null })).toBe('never');
  });

  it('write secrets, recovery files, file names and statuses readably', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPJBSWY3DP')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP');
    expect(groupSecret('ABCDE')).toBe('ABCD E');
    expect(recoveryFile(['aaaa-bbbb-cccc', 'dddd-eeee-ffff'], 'Codes', 'a@b.c')).toBe('Codes\na@b.c\n\naaaa-bbbb-cccc\ndddd-eeee-ffff\n');
    expect(filenameOf('attachment; filename="setubashi-export-7.json"')).toBe('setubashi-export-7.json');
    expect(filenameOf("attachment; filename*=UTF-8''my%20data.json; filename=\"x.json\"")).toBe('my data.json');
    expect(filenameOf('attachment')).toBeNull();
    expect(filenameOf(null)).toBeNull();
    expect([statusTone(204), statusTone(302), statusTone(409), statusTone(503)]).toEqual(['success', 'success', 'warning', 'danger']);
  });
});

describe('safeNext', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/applications/3')).toBe('/applications/3');
    expect(safeNext('/roles?q=nlp#top')).toBe('/roles?q=nlp#top');
  });
  it('refuses anything that would leave it', () => {
    for (const next of ['//evil.example', '/\\evil.example', '/\t/evil.example', 'https://evil.example/', 'evil.example', '', null]) {
      expect(safeNext(next)).toBeNull();
    }
  });
});
