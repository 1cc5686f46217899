import { Link } from 'react-router';
import type { Display, Role } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { japaneseText, orgName, orgNameLang, payText, placeText } from './roleText';

/** FallbackNote says when a text (a role's, an offer's) is shown in another language than the reader's. */
export function FallbackNote({ display }: { display: Pick<Display, 'fallback' | 'language'> }) {
  const { t, label } = useI18n();
  if (!display.fallback) return null;
  return <p className="fallback-note">{t('content.fallback', { Language: label('language', display.language) })}</p>;
}

/** RoleCard is one role in a list: title, organisation, type, place, pay, Japanese, deadline. */
export function RoleCard({ role, headingLevel = 2 }: { role: Role; headingLevel?: 2 | 3 }) {
  const i18n = useI18n();
  const { t, label, day } = i18n;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="role-card">
      <div className="role-card__top">
        <span className="tag">{label('role_type', role.type)}</span>
        {role.visa_support && <span className="tag tag--accent">{t('web.role.visa_support_short')}</span>}
      </div>
      <H className="role-card__title">
        <Link to={`/roles/${role.id}`} lang={role.display.language}>
          {role.display.title}
        </Link>
      </H>
      {role.organization && (
        <p className="role-card__org" lang={orgNameLang(i18n, role.organization)}>
          {orgName(i18n, role.organization)}
        </p>
      )}
      <ul className="facts">
        <li>
          <span className="facts__label">{t('web.role.where')}</span> {placeText(i18n, role)}
        </li>
        <li>
          <span className="facts__label">{t('web.role.pay')}</span> {payText(i18n, role)}
        </li>
        <li>
          <span className="facts__label">{t('web.role.japanese')}</span> {japaneseText(i18n, role)}
        </li>
        {role.deadline && (
          <li>
            <span className="facts__label">{t('web.role.deadline')}</span> {day(role.deadline)}
          </li>
        )}
      </ul>
      <FallbackNote display={role.display} />
    </article>
  );
}
