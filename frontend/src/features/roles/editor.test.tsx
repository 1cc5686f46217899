import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/types';
import { jsonResponse, renderWith } from '../../test/render';
import RoleEditor from './RoleEditor';
import { storedRole } from '../../test/fixtures';

/** A fake API: answers by "METHOD /path", else a 404 problem. */
let answers: Record<string, () => Response> = {};
beforeEach(() => {
  answers = {};
  vi.stubGlobal('fetch', async (req: Request) => {
    const answer = answers[`${req.method} ${new URL(req.url).pathname}`];
    if (answer) return answer();
    return jsonResponse(404, { type: 't', title: 'Not found', status: 404, detail: 'Nothing here.', code: 'not_found' }, 'application/problem+json');
  });
});
afterEach(() => vi.unstubAllGlobals());

const member: User = {
  id: 3,
  email: 'org@example.jp',
  name: 'Misaki Takahashi',
  role: 'org_member',
  locale: 'en',
  created_at: '2026-01-01T00:00:00Z',
  second_factor: { enabled: true, required: true, enrolment_started: false, enabled_at: null, recovery_codes_left: 10 },
};
const org = (id: number, verified: boolean) => ({
  id,
  name_ja: '桜株式会社',
  name_en: 'Sakura K.K.',
  kind: 'startup',
  prefecture: 'tokyo',
  website: '',
  verified,
  created_at: '2026-01-01T00:00:00Z',
});
const role = storedRole({ title: { en: 'ML', ja: '機械学習', hi: '' } });

function editorAt(path: string, orgs: object[]) {
  answers['GET /api/v1/me'] = () => jsonResponse(200, member);
  answers['GET /api/v1/me/organizations'] = () => jsonResponse(200, { items: orgs, next_cursor: '' });
  answers['GET /api/v1/roles/9'] = () => jsonResponse(200, role);
  return renderWith(
    <Routes>
      <Route path="/organization/roles/new" element={<RoleEditor />} />
      <Route path="/organization/roles/:id/edit" element={<RoleEditor />} />
    </Routes>,
    { path },
  );
}

describe('RoleEditor', () => {
  it('edits a role of one of the member’s organisations', async () => {
    await editorAt('/organization/roles/9/edit', [org(4, true)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit role' })).toBeTruthy();
    expect((screen.getByDisplayValue('機械学習') as HTMLInputElement).id).toBe('field-title-ja');
  });
  it('is not found for a role that is not there', async () => {
    await editorAt('/organization/roles/8/edit', [org(4, true)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
  });
  it('is not found for a role of another organisation', async () => {
    await editorAt('/organization/roles/9/edit', [org(5, true)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
  });
  it('asks for a verified organisation before a new role', async () => {
    await editorAt('/organization/roles/new', [org(4, false)]);
    expect(await screen.findByText('Your organisation must be registered and verified before it can post roles.')).toBeTruthy();
  });
});
