// How roles and organisations read in the UI's language.
import type { Organization, Role } from '../../api/types';
import type { I18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/catalog';

type OrgNames = Pick<Organization, 'name_ja' | 'name_en'>;

/** orgName is the organisation's Japanese name for Japanese readers, its English name otherwise. */
export function orgName(i18n: Pick<I18n, 'lang'>, org: OrgNames): string {
  if (i18n.lang === 'ja') return org.name_ja || org.name_en;
  return org.name_en || org.name_ja;
}

/** orgNameLang is the language orgName returns the name in (for the lang attribute). */
export function orgNameLang(i18n: Pick<I18n, 'lang'>, org: OrgNames): string {
  if (i18n.lang === 'ja') return org.name_ja ? 'ja' : 'en';
  return org.name_en ? 'en' : 'ja';
}

type Pay = Pick<Role, 'type' | 'salary_min_jpy' | 'salary_max_jpy' | 'stipend_monthly_jpy'>;

/** payText says what a role pays: a monthly stipend for internships, a yearly range otherwise. */
export function payText(i18n: I18n, role: Pay): string {
  const { t, yen } = i18n;
  if (role.stipend_monthly_jpy != null) return t('web.role.stipend_month', { Amount: yen(role.stipend_monthly_jpy) });
  const min = role.salary_min_jpy;
  const max = role.salary_max_jpy;
  if (min != null && max != null && min !== max) return t('web.role.salary_range', { Min: yen(min), Max: yen(max) });
  if (min != null && max != null) return t('web.role.salary_exact', { Amount: yen(min) });
  if (min != null) return t('web.role.salary_from', { Min: yen(min) });
  if (max != null) return t('web.role.salary_up_to', { Max: yen(max) });
  return t('web.role.pay_not_stated');
}

/** japaneseText states a role's Japanese requirement. */
export function japaneseText(i18n: I18n, role: Pick<Role, 'japanese'>): string {
  const { level, mode } = role.japanese;
  if (level === 'none') return i18n.t('web.role.japanese_none');
  const Level = i18n.label('jlpt', level);
  return mode === 'required' ? i18n.t('web.role.japanese_required', { Level }) : i18n.t('web.role.japanese_preferred', { Level });
}

/** placeText is where a role is: prefecture and on-site/hybrid/remote. */
export function placeText(i18n: I18n, role: Pick<Role, 'prefecture' | 'remote'>): string {
  return i18n.t('web.role.place', { Prefecture: i18n.label('prefecture', role.prefecture), Remote: i18n.label('remote', role.remote) });
}

/** skillLevelKey is the message of a proficiency level from 1 to 5. */
export function skillLevelKey(level: number): MessageKey {
  const n = Math.min(5, Math.max(1, Math.round(level)));
  return `web.skill.level_${n}` as MessageKey;
}
