import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notification } from '../../api/notifications';
import type { User } from '../../api/types';
import { Bell, useBellCount } from './Bell';
import { SaveSearch } from './SaveSearch';
import { at, jsonResponse, renderWith } from '../../test/render';
import NotificationSettings, { changesOf, kindsOf } from './NotificationSettings';
import SavedSearches from './SavedSearches';
import Notifications from './Notifications';
import Unsubscribe from './Unsubscribe';

/** A fake API: handlers by "METHOD /path"; every call is recorded with its query and JSON body. */
type Handler = (body: unknown, req: Request) => Response | Promise<Response>;
let handlers: Record<string, Handler> = {};
let calls: { key: string; query: URLSearchParams; body: unknown }[] = [];

beforeEach(() => {
  handlers = {};
  calls = [];
  vi.stubGlobal('fetch', async (req: Request) => {
    const url = new URL(req.url);
    const key = `${req.method} ${url.pathname}`;
    const text = req.method === 'GET' || req.method === 'HEAD' ? '' : await req.text();
    const body = text ? JSON.parse(text) : undefined;
    calls.push({ key, query: url.searchParams, body });
    const h = handlers[key];
    if (h) return h(body, req);
    return problem(404, 'not_found', 'Nothing here.');
  });
});
afterEach(() => vi.unstubAllGlobals());

const problem = (status: number, code: string, detail: string, extra: object = {}) =>
  jsonResponse(status, { type: 't', title: 't', status, detail, code, ...extra }, 'application/problem+json');

const noFactor = { enabled: false, required: false, enrolment_started: false, enabled_at: null, recovery_codes_left: 0 };
function user(role: User['role']): User {
  return { id: 7, email: 'ananya@example.in', name: 'Ananya Raman', role, locale: 'en', created_at: '2026-01-01T00:00:00Z', second_factor: noFactor };
}


/** HeaderBell is the bell as the Layout uses it. */
function HeaderBell() {
  return <Bell count={useBellCount(true)} />;
}

describe('Bell', () => {
  it('shows the unread count as a badge and says it in its name', async () => {
    handlers['GET /api/v1/me/notifications/unread-count'] = () => jsonResponse(200, { unread: 3 });
    await renderWith(<HeaderBell />);
    const bell = await screen.findByRole('link', { name: 'Notifications, 3 unread' });
    expect(bell.getAttribute('href')).toBe('/notifications');
    const badge = screen.getByTestId('bell-count');
    expect(badge.textContent).toBe('3');
    // The name says it; the badge is not read out twice.
    expect(badge.getAttribute('aria-hidden')).toBe('true');
  });

  it('has no badge when nothing is unread, and uses plural forms in every language', async () => {
    handlers['GET /api/v1/me/notifications/unread-count'] = () => jsonResponse(200, { unread: 0 });
    await renderWith(<HeaderBell />);
    await waitFor(() => expect(calls.some((c) => c.key === 'GET /api/v1/me/notifications/unread-count')).toBe(true));
    expect(await screen.findByRole('link', { name: 'Notifications' })).toBeTruthy();
    expect(screen.queryByTestId('bell-count')).toBeNull();
  });

  it('names one unread in the singular, and more than 99 as 99+', async () => {
    const { unmount } = await renderWith(<Bell count={1} />);
    expect(screen.getByRole('link', { name: 'Notifications, 1 unread' })).toBeTruthy();
    unmount();
    await renderWith(<Bell count={120} />, { lang: 'ja' });
    expect(screen.getByRole('link', { name: 'お知らせ（未読120件）' })).toBeTruthy();
    expect(screen.getByTestId('bell-count').textContent).toBe('99+');
  });

  it('asks nothing while off (no one signed in)', async () => {
    function Off() {
      return <Bell count={useBellCount(false)} />;
    }
    await renderWith(<Off />);
    expect(screen.getByRole('link', { name: 'Notifications' })).toBeTruthy();
    expect(calls).toHaveLength(0);
  });
});

function note(id: number, read: boolean, extra: Partial<Notification> = {}): Notification {
  return {
    id,
    kind: 'stage_changed',
    title: `Your application moved to screening (${id})`,
    body: 'Reason: Strong PyTorch background.',
    link: `/applications/${id}`,
    object_type: 'application',
    object_id: id,
    read,
    created_at: '2026-11-20T09:30:00Z',
    ...extra,
  };
}

describe('Notifications page', () => {
  it('marks unread ones in words, and marks one read before opening its link', async () => {
    handlers['GET /api/v1/me'] = () => jsonResponse(200, user('candidate'));
    handlers['GET /api/v1/me/notifications/unread-count'] = () => jsonResponse(200, { unread: 1 });
    handlers['GET /api/v1/me/notifications'] = () => jsonResponse(200, { items: [note(12, false), note(9, true)], next_cursor: '' });
    handlers['POST /api/v1/me/notifications/12/read'] = () => new Response(null, { status: 204 });
    await renderWith(at('/notifications', <Notifications />), { path: '/notifications' });
    const unread = await screen.findByRole('article', { name: /\(12\)/ });
    expect(within(unread).getByText('Unread')).toBeTruthy();
    expect(unread.textContent).toContain('Reason: Strong PyTorch background.');
    expect(within(screen.getByRole('article', { name: /\(9\)/ })).queryByText('Unread')).toBeNull();
    expect(screen.getByRole('link', { name: 'Choose which notifications are also sent by e-mail' }).getAttribute('href')).toBe('/account/notifications');
    fireEvent.click(within(unread).getByRole('link'));
    expect((await screen.findByTestId('where')).textContent).toBe('/applications/12');
    expect(calls.map((c) => c.key)).toContain('POST /api/v1/me/notifications/12/read');
  });

  it('lists unread ones only when asked, and says when there are none', async () => {
    handlers['GET /api/v1/me'] = () => jsonResponse(200, user('org_member'));
    handlers['GET /api/v1/me/notifications/unread-count'] = () => jsonResponse(200, { unread: 0 });
    handlers['GET /api/v1/me/notifications'] = () => jsonResponse(200, { items: [], next_cursor: '' });
    await renderWith(at('/notifications', <Notifications />), { path: '/notifications' });
    expect(await screen.findByText(/You have no notifications yet/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Mark all as read' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Show unread only'));
    expect(await screen.findByText('You have no unread notifications.')).toBeTruthy();
    expect(calls.filter((c) => c.key === 'GET /api/v1/me/notifications').map((c) => c.query.get('unread'))).toEqual([null, 'true']);
  });
});

describe('Notification settings', () => {
  const saved = { application_submitted: 'now', stage_changed: 'now', offer_made: 'now', round_opened: 'digest', new_roles: 'digest' } as const;

  it('offers the three choices for every kind that reaches a candidate, and sends only the changed ones', async () => {
    handlers['GET /api/v1/me'] = () => jsonResponse(200, user('candidate'));
    handlers['GET /api/v1/me/notification-preferences'] = () => jsonResponse(200, { preferences: saved });
    handlers['PUT /api/v1/me/notification-preferences'] = (body) =>
      jsonResponse(200, { preferences: { ...saved, ...(body as { preferences: object }).preferences } });
    await renderWith(<NotificationSettings />, { path: '/account/notifications' });
    const group = await screen.findByRole('group', { name: 'Application updates' });
    expect(within(group).getAllByRole('radio').map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      'E-mail now',
      'Daily digest',
      'In the app only',
    ]);
    expect((within(group).getByLabelText('E-mail now') as HTMLInputElement).checked).toBe(true);
    expect(screen.getAllByRole('group').map((g) => g.querySelector('legend')?.textContent)).toEqual([
      'Application updates',
      'Offers',
      'Matching rounds opening',
      'New roles for saved searches',
    ]);
    expect(screen.getByText('E-mails go to ananya@example.in.')).toBeTruthy();
    fireEvent.click(within(group).getByLabelText('Daily digest'));
    fireEvent.click(within(screen.getByRole('group', { name: 'Matching rounds opening' })).getByLabelText('In the app only'));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Your notification settings are saved.')).toBeTruthy();
    expect(calls.find((c) => c.key === 'PUT /api/v1/me/notification-preferences')?.body).toEqual({
      preferences: { stage_changed: 'digest', round_opened: 'in_app' },
    });
  });

  it('shows the API’s error in the summary and keeps the choices', async () => {
    handlers['GET /api/v1/me'] = () => jsonResponse(200, user('org_member'));
    handlers['GET /api/v1/me/notification-preferences'] = () => jsonResponse(200, { preferences: { application_submitted: 'now' } });
    handlers['PUT /api/v1/me/notification-preferences'] = () =>
      problem(400, 'validation_failed', 'Some fields are not valid.', {
        errors: [{ field: 'preferences.application_submitted', code: 'invalid_choice', message: 'Choose one of the offered ways.' }],
      });
    await renderWith(<NotificationSettings />, { path: '/account/notifications' });
    fireEvent.click(await screen.findByLabelText('In the app only'));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Some fields are not valid.');
    expect(screen.getByRole('link', { name: /Choose one of the offered ways\./ })).toBeTruthy();
    expect((screen.getByLabelText('In the app only') as HTMLInputElement).checked).toBe(true);
  });

  it('lists the kinds that reach the account in the usual order, and sends only what changed', () => {
    const prefs = { new_roles: 'now', stage_changed: 'digest', organization_pending: 'now', later_kind: 'now' } as never;
    expect(kindsOf(prefs, 'candidate')).toEqual(['stage_changed', 'new_roles', 'later_kind']);
    expect(kindsOf(prefs, 'admin')).toEqual(['organization_pending', 'later_kind']);
    expect(changesOf({ offer_made: 'now', new_roles: 'digest' }, { offer_made: 'now', new_roles: 'in_app' })).toEqual({ new_roles: 'in_app' });
  });
});

describe('Unsubscribe', () => {
  it('turns the e-mail off only when asked, then names the kind', async () => {
    handlers['POST /api/v1/unsubscribe'] = () => jsonResponse(200, { kind: 'stage_changed' });
    await renderWith(at('/unsubscribe', <Unsubscribe />), { path: '/unsubscribe?token=tok.abc' });
    expect(screen.getByRole('heading', { level: 1, name: 'Unsubscribe from e-mails' })).toBeTruthy();
    expect(calls).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    expect(await screen.findByText('You will no longer get e-mails about: Application updates.')).toBeTruthy();
    const call = calls.find((c) => c.key === 'POST /api/v1/unsubscribe');
    expect(call?.query.get('token')).toBe('tok.abc');
    expect(call?.query.get('lang')).toBe('en');
    expect(screen.getByRole('link', { name: 'Change your notification settings' }).getAttribute('href')).toBe('/account/notifications');
  });

  it('says clearly that a link the server did not sign is not valid, in Hindi too', async () => {
    handlers['POST /api/v1/unsubscribe'] = () => problem(404, 'not_found', 'Not found.');
    await renderWith(at('/unsubscribe', <Unsubscribe />), { path: '/unsubscribe?token=forged', lang: 'hi' });
    fireEvent.click(screen.getByRole('button', { name: 'ई-मेल बंद करें' }));
    expect(await screen.findByText('यह लिंक मान्य नहीं है')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'ई-मेल बंद करें' })).toBeNull();
  });

  it('needs a token', async () => {
    await renderWith(at('/unsubscribe', <Unsubscribe />), { path: '/unsubscribe' });
    expect(screen.getByText('This link is not valid')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Unsubscribe' })).toBeNull();
  });
});

describe('SaveSearch', () => {
  it('names the search after its filters and saves them typed', async () => {
    handlers['POST /api/v1/me/saved-searches'] = (body) =>
      jsonResponse(201, { id: 4, created_at: '2026-11-20T09:30:00Z', ...(body as object) });
    await renderWith(<SaveSearch filters={{ q: 'vision', type: 'job', remote: 'true', min_salary: '5000000', jlpt_max: 'N3' }} />);
    const open = screen.getByRole('button', { name: 'Save this search' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(open);
    const name = screen.getByLabelText('Name of the search') as HTMLInputElement;
    expect(name.value).toBe('“vision” · Job · Fully remote only · Japanese up to JLPT N3 · from ¥5,000,000 a year');
    fireEvent.click(screen.getByLabelText('Every week'));
    fireEvent.click(screen.getByRole('button', { name: 'Save search' }));
    expect(await screen.findByText('Search saved. We will let you know when new roles match it.')).toBeTruthy();
    expect(calls.find((c) => c.key === 'POST /api/v1/me/saved-searches')?.body).toEqual({
      name: name.value,
      frequency: 'weekly',
      filters: { q: 'vision', type: 'job', remote: true, min_salary: 5000000, jlpt_max: 'N3' },
    });
    expect(screen.getByRole('link', { name: 'See my saved searches' }).getAttribute('href')).toBe('/account/searches');
  });
});

describe('Saved searches page', () => {
  it('lists each search with its roles as a link the role search reads, and deletes after asking', async () => {
    let items = [
      { id: 5, name: 'Vision jobs', frequency: 'daily', filters: { q: 'vision', type: 'job', remote: false }, created_at: '2026-11-01T00:00:00Z', last_run_at: '2026-11-25T06:00:00Z' },
    ];
    handlers['GET /api/v1/me'] = () => jsonResponse(200, user('candidate'));
    handlers['GET /api/v1/me/saved-searches'] = () => jsonResponse(200, { items, next_cursor: '' });
    handlers['DELETE /api/v1/me/saved-searches/5'] = () => {
      items = [];
      return new Response(null, { status: 204 });
    };
    await renderWith(<SavedSearches />, { path: '/account/searches' });
    const row = await screen.findByRole('article', { name: 'Vision jobs' });
    expect(row.textContent).toContain('Checked every day');
    expect(row.textContent).toContain('“vision” · Job · On site or hybrid');
    expect(within(row).getByRole('link', { name: 'Show roles for Vision jobs' }).getAttribute('href')).toBe('/roles?q=vision&type=job&remote=false');
    fireEvent.click(within(row).getByRole('button', { name: 'Delete Vision jobs' }));
    expect(calls.some((c) => c.key.startsWith('DELETE'))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByText('You have no saved searches yet.')).toBeTruthy();
    expect(calls.map((c) => c.key)).toContain('DELETE /api/v1/me/saved-searches/5');
  });
});
