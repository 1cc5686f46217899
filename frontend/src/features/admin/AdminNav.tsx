import { NavLink } from 'react-router';
import '../account/account.css';
import { useI18n } from '../../i18n/I18nProvider';

/** AdminNav links the administrators' pages: organisations to verify, accounts, the audit log. */
export function AdminNav() {
  const { t } = useI18n();
  return (
    <nav className="admin-nav" aria-label={t('web.menu.admin_pages')}>
      <ul>
        <li>
          <NavLink to="/admin" end className="admin-nav__link">
            {t('web.nav.admin')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/admin/users" className="admin-nav__link">
            {t('web.menu.users')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/admin/audit" className="admin-nav__link">
            {t('web.menu.audit')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
