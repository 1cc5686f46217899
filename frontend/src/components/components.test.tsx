import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import type { Role } from '../api/types';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { jsonResponse, renderWith } from '../test/render';
import { LanguageSwitcher } from '../app/LanguageSwitcher';
import { RoleCard } from '../features/roles/RoleCard';

beforeEach(() => {
  vi.stubGlobal('fetch', async (req: Request) =>
    new URL(req.url).pathname === '/api/v1/me'
      ? jsonResponse(401, { type: 't', title: 'Sign-in required', status: 401, detail: 'Please sign in.', code: 'unauthenticated' }, 'application/problem+json')
      : jsonResponse(404, { type: 't', title: 'Not found', status: 404, detail: 'Nothing here.', code: 'not_found' }, 'application/problem+json'),
  );
});
afterEach(() => vi.unstubAllGlobals());

function YearForm({ error }: { error: unknown }) {
  const form = useFormErrors();
  const [year, setYear] = useState('1900');
  return (
    <form>
      <ErrorSummary form={form} />
      <TextField name="education[0].year" label="Year of graduation" value={year} onChange={(e) => setYear(e.target.value)} error={form.fields['education[0].year']} />
      <button type="button" onClick={() => form.report(error)}>
        Save
      </button>
    </form>
  );
}

describe('form errors', () => {
  const error = new ApiError(400, {
    type: 't',
    title: 'Your request has problems',
    status: 400,
    detail: 'Some fields are not valid. Please correct them and try again.',
    code: 'validation_failed',
    errors: [{ field: 'education[0].year', code: 'out_of_range', message: 'Must be between 1960 and 2034.' }],
  });

  it('show the API message beside its field, keep what was typed and focus the summary', async () => {
    await renderWith(<YearForm error={error} />);
    fireEvent.change(screen.getByLabelText('Year of graduation'), { target: { value: '1899' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const input = await screen.findByLabelText('Year of graduation');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(input.getAttribute('aria-describedby')!);
    expect(message?.textContent).toBe('Must be between 1960 and 2034.');
    expect((input as HTMLInputElement).value).toBe('1899');
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toContain('Some fields are not valid.');
    expect(screen.getByRole('link', { name: /Year of graduation: Must be between 1960 and 2034\./ })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(summary));
  });

  it('say that the network failed, in the reader’s language', async () => {
    await renderWith(<YearForm error={new ApiError(0, null)} />, { lang: 'ja' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Setubashiに接続できませんでした');
  });
});

describe('LanguageSwitcher', () => {
  it('offers each language in itself and remembers the choice', async () => {
    await renderWith(<LanguageSwitcher />);
    const ja = screen.getByRole('button', { name: '日本語' });
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(ja.getAttribute('lang')).toBe('ja');
    await act(async () => {
      fireEvent.click(ja);
    });
    await waitFor(() => expect(document.documentElement.lang).toBe('ja'));
    expect(localStorage.getItem('setubashi.lang')).toBe('ja');
    expect(screen.getByRole('group').getAttribute('aria-label')).toBe('表示言語');
    expect(screen.getByRole('button', { name: '日本語' }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('RoleCard', () => {
  const role = {
    id: 12,
    organization_id: 3,
    organization: { id: 3, name_ja: '株式会社テスト', name_en: 'Test K.K.', kind: 'startup', prefecture: 'tokyo' },
    status: 'open',
    display: { language: 'en', fallback: true, title: 'Vision Engineer', description: '…' },
    type: 'job',
    title: { en: 'Vision Engineer', ja: '', hi: '' },
    description: { en: '…', ja: '', hi: '' },
    required_skills: [],
    preferred_skills: [],
    min_education: 'master',
    min_experience_years: 0,
    japanese: { level: 'N2', mode: 'required' },
    english_level: 'business',
    prefecture: 'tokyo',
    remote: 'hybrid',
    salary_min_jpy: 6500000,
    salary_max_jpy: 12000000,
    stipend_monthly_jpy: null,
    duration_months: null,
    start_date: null,
    openings: 2,
    deadline: '2026-11-26',
    visa_support: true,
    published_at: '2026-10-01T00:00:00Z',
    created_at: '2026-10-01T00:00:00Z',
    updated_at: '2026-10-01T00:00:00Z',
    version: 1,
  } as Role;

  it('shows Hindi with Indian grouping and says the text fell back to English', async () => {
    await renderWith(<RoleCard role={role} />, { lang: 'hi' });
    const text = document.body.textContent ?? '';
    expect(text).toContain('¥65,00,000 से ¥1,20,00,000 प्रति वर्ष');
    expect(text).toContain('26 नवंबर 2026');
    expect(text).toContain('आपकी भाषा में उपलब्ध नहीं है, इसलिए अंग्रेज़ी में दिखाया गया है।');
    expect(screen.getByRole('link', { name: 'Vision Engineer' }).getAttribute('lang')).toBe('en');
  });

  it('shows the Japanese organisation name and date to Japanese readers', async () => {
    await renderWith(<RoleCard role={role} />, { lang: 'ja' });
    const text = document.body.textContent ?? '';
    expect(text).toContain('株式会社テスト');
    expect(text).toContain('2026年11月26日');
    expect(text).toContain('JLPT N2以上（必須）');
  });
});
