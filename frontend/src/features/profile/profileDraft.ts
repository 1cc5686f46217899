// The profile form's state (strings, as typed) and its conversion to and
// from the API's profile.
import type { OwnProfile, ProfileRequest } from '../../api/types';

export interface EducationDraft {
  level: string;
  institution: string;
  field: string;
  year: string;
}

export interface SkillDraft {
  skill: string;
  proficiency: string;
}

export interface ProfileDraft {
  name: string;
  indian_state: string;
  city: string;
  date_of_birth: string;
  education: EducationDraft[];
  experience_years: string;
  skills: SkillDraft[];
  papers: string;
  patents: string;
  jlpt_level: string;
  english_level: string;
  wanted_role_types: string[];
  earliest_start: string;
  salary_expectation_jpy: string;
  preferred_prefectures: string[];
  remote_ok: boolean;
  consent_share_with_applied: boolean;
  consent_discoverable: boolean;
}

/** The profile's steps, in order, with the request fields each one edits. */
export const profileSteps = [
  { id: 'about', fields: ['name', 'indian_state', 'city', 'date_of_birth'] },
  { id: 'education', fields: ['education'] },
  { id: 'skills', fields: ['skills', 'experience_years', 'research'] },
  { id: 'languages', fields: ['jlpt_level', 'english_level'] },
  { id: 'preferences', fields: ['wanted_role_types', 'earliest_start', 'salary_expectation_jpy', 'preferred_prefectures', 'remote_ok'] },
  { id: 'consent', fields: ['consent_share_with_applied', 'consent_discoverable'] },
] as const;

export type StepId = (typeof profileSteps)[number]['id'];

/** The API validates research counts as papers/patents; the request nests them under research. */
export const profileAliases = { papers: 'research.papers', patents: 'research.patents' };

/** stepOf returns the step that edits a field path (e.g. education[1].year → education). */
export function stepOf(path: string): StepId {
  for (const step of profileSteps) {
    for (const f of step.fields) {
      if (path === f || path.startsWith(f + '.') || path.startsWith(f + '[')) return step.id;
    }
  }
  return 'about';
}

const str = (n: number | null | undefined) => (n == null ? '' : String(n));

export function draftOf(p: OwnProfile): ProfileDraft {
  return {
    name: p.name,
    indian_state: p.indian_state,
    city: p.city,
    date_of_birth: p.date_of_birth ?? '',
    education: p.education.map((e) => ({ level: e.level, institution: e.institution, field: e.field, year: str(e.year) })),
    experience_years: str(p.experience_years),
    skills: p.skills.map((s) => ({ skill: s.skill, proficiency: str(s.proficiency) })),
    papers: str(p.research.papers),
    patents: str(p.research.patents),
    jlpt_level: p.jlpt_level,
    english_level: p.english_level,
    wanted_role_types: [...p.wanted_role_types],
    earliest_start: p.earliest_start ?? '',
    salary_expectation_jpy: str(p.salary_expectation_jpy),
    preferred_prefectures: [...p.preferred_prefectures],
    remote_ok: p.remote_ok,
    consent_share_with_applied: p.consent_share_with_applied,
    consent_discoverable: p.consent_discoverable,
  };
}

/**
 * toInt reads a whole number as typed. Empty is `empty`; anything else
 * that is not a whole number is sent as typed, so that the API names the
 * field and says, in the reader's language, what it must be.
 */
export function toInt<E>(s: string, empty: E): number | E | string {
  const t = s.trim().replace(/[,\s]/g, '');
  if (t === '') return empty;
  return /^-?\d+$/.test(t) ? Number(t) : s;
}

/** requestOf turns the form's state into the whole-profile request. */
export function requestOf(d: ProfileDraft): ProfileRequest {
  // Values typed as text that are not numbers go to the API as typed, which
  // answers with a field error (wrong_type) in the reader's language.
  const int = (s: string) => toInt(s, 0) as number;
  return {
    name: d.name,
    indian_state: d.indian_state as ProfileRequest['indian_state'],
    city: d.city,
    date_of_birth: d.date_of_birth || null,
    education: d.education.map((e) => ({
      level: e.level as NonNullable<ProfileRequest['education']>[number]['level'],
      institution: e.institution,
      field: e.field,
      year: int(e.year),
    })),
    experience_years: int(d.experience_years),
    skills: d.skills.map((s) => ({ skill: s.skill.trim(), proficiency: int(s.proficiency) })),
    research: { papers: int(d.papers), patents: int(d.patents) },
    jlpt_level: d.jlpt_level as ProfileRequest['jlpt_level'],
    english_level: d.english_level as ProfileRequest['english_level'],
    wanted_role_types: d.wanted_role_types as ProfileRequest['wanted_role_types'],
    earliest_start: d.earliest_start || null,
    salary_expectation_jpy: toInt(d.salary_expectation_jpy, null) as number | null,
    preferred_prefectures: d.preferred_prefectures as ProfileRequest['preferred_prefectures'],
    remote_ok: d.remote_ok,
    consent_share_with_applied: d.consent_share_with_applied,
    consent_discoverable: d.consent_discoverable,
  };
}
