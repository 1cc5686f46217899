import { describe, expect, it } from 'vitest';
import type { OwnProfile } from '../../api/types';
import { draftOf, requestOf, stepOf, toInt } from '../profile/profileDraft';
import { emptyRole, roleContentOf, roleDraftOf } from './roleDraft';
import { storedRole } from '../../test/fixtures';

const profile: OwnProfile = {
  user_id: 1,
  name: 'Asha Verma',
  indian_state: 'karnataka',
  city: 'Bengaluru',
  education: [{ level: 'master', institution: 'IISc', field: 'CDS', year: 2025 }],
  experience_years: 2,
  skills: [{ skill: 'pytorch', proficiency: 4 }],
  research: { papers: 3, patents: 0 },
  jlpt_level: 'N3',
  english_level: 'fluent',
  wanted_role_types: ['job'],
  earliest_start: null,
  salary_expectation_jpy: null,
  preferred_prefectures: ['tokyo'],
  remote_ok: true,
  consent_share_with_applied: true,
  consent_discoverable: false,
  updated_at: '2026-11-01T10:00:00Z',
};

describe('profile drafts', () => {
  it('round-trip a saved profile', () => {
    const req = requestOf(draftOf(profile));
    expect(req.education).toEqual(profile.education);
    expect(req.research).toEqual({ papers: 3, patents: 0 });
    expect(req.salary_expectation_jpy).toBeNull();
    expect(req.earliest_start).toBeNull();
    expect(req.date_of_birth).toBeNull();
    expect(req.consent_share_with_applied).toBe(true);
  });
  it('reads numbers as typed, leaving non-numbers for the API to name', () => {
    expect(toInt('6,000,000', null)).toBe(6000000);
    expect(toInt('  ', null)).toBeNull();
    expect(toInt('', 0)).toBe(0);
    expect(toInt('five', 0)).toBe('five');
    const d = { ...draftOf(profile), salary_expectation_jpy: '7500000', experience_years: '' };
    expect(requestOf(d).salary_expectation_jpy).toBe(7500000);
    expect(requestOf(d).experience_years).toBe(0);
  });
  it('finds the step that edits a field', () => {
    expect(stepOf('education[1].year')).toBe('education');
    expect(stepOf('research.papers')).toBe('skills');
    expect(stepOf('preferred_prefectures[2]')).toBe('preferences');
    expect(stepOf('consent_share_with_applied')).toBe('consent');
    expect(stepOf('name')).toBe('about');
  });
});

describe('role drafts', () => {
  it('send a stipend for internships and a salary range otherwise', () => {
    const job = roleContentOf({ ...emptyRole, type: 'job', salary_min_jpy: '6000000', salary_max_jpy: '9000000', stipend_monthly_jpy: '150000' });
    expect([job.salary_min_jpy, job.salary_max_jpy, job.stipend_monthly_jpy]).toEqual([6000000, 9000000, null]);
    const intern = roleContentOf({ ...emptyRole, type: 'internship', salary_min_jpy: '6000000', stipend_monthly_jpy: '150000' });
    expect([intern.salary_min_jpy, intern.salary_max_jpy, intern.stipend_monthly_jpy]).toEqual([null, null, 150000]);
  });
  it('nest the Japanese requirement', () => {
    const req = roleContentOf({ ...emptyRole, japanese_level: 'N2', japanese_mode: 'required', title: { en: 'ML', ja: '機械学習', hi: '' } });
    expect(req.japanese).toEqual({ level: 'N2', mode: 'required' });
    expect(req.title).toEqual({ en: 'ML', ja: '機械学習', hi: '' });
    expect(req.start_date).toBeNull();
  });
  it('round-trip a stored role', () => {
    const role = storedRole({ duration_months: 6 });
    const again = roleContentOf(roleDraftOf(role));
    expect(again.duration_months).toBe(6);
    expect(again.prefecture).toBe('osaka');
    expect(again.title).toEqual({ en: 'ML', ja: '', hi: '' });
  });
});
