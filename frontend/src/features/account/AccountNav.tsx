import { NavLink } from 'react-router';
import type { User } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { accountLinks } from './links';

/** AccountNav is the side navigation between one's account pages. */
export function AccountNav({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <nav className="account-nav" aria-label={t('web.menu.account_pages')}>
      <ul>
        {accountLinks(user.role).map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end className="account-nav__link">
              {t(l.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
