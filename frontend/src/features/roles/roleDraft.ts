// The role editor's state (strings, as typed) and its conversion to and
// from the API's role.
import type { Role, RolePatch } from '../../api/types';
import { toInt } from '../profile/profileDraft';

export interface SkillRequirementDraft {
  skill: string;
  min_proficiency: string;
}

export interface Texts {
  en: string;
  ja: string;
  hi: string;
}

export interface RoleDraft {
  type: string;
  title: Texts;
  description: Texts;
  required_skills: SkillRequirementDraft[];
  preferred_skills: SkillRequirementDraft[];
  min_education: string;
  min_experience_years: string;
  japanese_level: string;
  japanese_mode: string;
  english_level: string;
  prefecture: string;
  remote: string;
  salary_min_jpy: string;
  salary_max_jpy: string;
  stipend_monthly_jpy: string;
  duration_months: string;
  start_date: string;
  deadline: string;
  openings: string;
  visa_support: boolean;
}

/** The API validates the Japanese requirement as japanese_level/mode; the request nests it. */
export const roleAliases = { japanese_level: 'japanese.level', japanese_mode: 'japanese.mode' };

export const emptyRole: RoleDraft = {
  type: 'job',
  title: { en: '', ja: '', hi: '' },
  description: { en: '', ja: '', hi: '' },
  required_skills: [],
  preferred_skills: [],
  min_education: 'none',
  min_experience_years: '0',
  japanese_level: 'none',
  japanese_mode: 'preferred',
  english_level: 'none',
  prefecture: '',
  remote: 'onsite',
  salary_min_jpy: '',
  salary_max_jpy: '',
  stipend_monthly_jpy: '',
  duration_months: '',
  start_date: '',
  deadline: '',
  openings: '1',
  visa_support: true,
};

const str = (n: number | null | undefined) => (n == null ? '' : String(n));

export function roleDraftOf(r: Role): RoleDraft {
  return {
    type: r.type,
    title: { ...r.title },
    description: { ...r.description },
    required_skills: r.required_skills.map((s) => ({ skill: s.skill, min_proficiency: String(s.min_proficiency) })),
    preferred_skills: r.preferred_skills.map((s) => ({ skill: s.skill, min_proficiency: String(s.min_proficiency) })),
    min_education: r.min_education,
    min_experience_years: String(r.min_experience_years),
    japanese_level: r.japanese.level,
    japanese_mode: r.japanese.mode,
    english_level: r.english_level,
    prefecture: r.prefecture,
    remote: r.remote,
    salary_min_jpy: str(r.salary_min_jpy),
    salary_max_jpy: str(r.salary_max_jpy),
    stipend_monthly_jpy: str(r.stipend_monthly_jpy),
    duration_months: str(r.duration_months),
    start_date: r.start_date ?? '',
    deadline: r.deadline ?? '',
    openings: String(r.openings),
    visa_support: r.visa_support,
  };
}

/**
 * roleContentOf turns the editor's state into the role's content. An
 * internship states a monthly stipend and no salary; other roles the
 * reverse (the fields not shown are cleared with null).
 */
export function roleContentOf(d: RoleDraft): RolePatch {
  const int = (s: string) => toInt(s, 0) as number;
  const opt = (s: string) => toInt(s, null) as number | null;
  const internship = d.type === 'internship';
  const skills = (list: SkillRequirementDraft[]) =>
    list.map((s) => ({ skill: s.skill.trim(), min_proficiency: int(s.min_proficiency) }));
  return {
    type: d.type as RolePatch['type'],
    title: { ...d.title },
    description: { ...d.description },
    required_skills: skills(d.required_skills),
    preferred_skills: skills(d.preferred_skills),
    min_education: d.min_education as RolePatch['min_education'],
    min_experience_years: int(d.min_experience_years),
    japanese: { level: d.japanese_level as never, mode: d.japanese_mode as never },
    english_level: d.english_level as RolePatch['english_level'],
    prefecture: d.prefecture as RolePatch['prefecture'],
    remote: d.remote as RolePatch['remote'],
    salary_min_jpy: internship ? null : opt(d.salary_min_jpy),
    salary_max_jpy: internship ? null : opt(d.salary_max_jpy),
    stipend_monthly_jpy: internship ? opt(d.stipend_monthly_jpy) : null,
    duration_months: opt(d.duration_months),
    start_date: d.start_date || null,
    deadline: d.deadline || null,
    openings: int(d.openings),
    visa_support: d.visa_support,
  };
}
