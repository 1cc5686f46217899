import { useEffect, useId, useState } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigate, useNavigation } from 'react-router';
import { useMe } from '../api/queries';
import type { AccountRole } from '../api/types';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { Logo } from '../components/Logo';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { useSignOut } from './session';

interface NavItem {
  to: string;
  label: MessageKey;
}

/** navFor lists the places each kind of account goes. */
function navFor(role: AccountRole | undefined): NavItem[] {
  const roles: NavItem = { to: '/roles', label: 'web.nav.roles' };
  switch (role) {
    case 'candidate':
      return [
        roles,
        { to: '/profile', label: 'web.nav.profile' },
        { to: '/applications', label: 'web.nav.applications' },
        // #3: recommended roles and matching rounds join here once their endpoints exist.
      ];
    case 'org_member':
      return [roles, { to: '/organization', label: 'web.nav.organization' }];
    case 'admin':
      return [roles, { to: '/admin', label: 'web.nav.admin' }];
    case 'ministry':
      return [roles, { to: '/ministry', label: 'web.nav.dashboard' }];
    default:
      return [roles];
  }
}

/** Layout is the frame of every page: skip link, header, main content, footer. */
export function Layout() {
  const { t } = useI18n();
  const me = useMe();
  const user = me.data ?? null;
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const navigation = useNavigation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  useEffect(() => setOpen(false), [location.pathname]);

  const onSignOut = async () => {
    await signOut();
    navigate('/', { state: { signedOut: true } });
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('web.nav.skip')}
      </a>
      {navigation.state === 'loading' && <div className="progress" aria-hidden="true" />}
      <header className="header">
        <div className="header__inner">
          <Link to="/" className="brand">
            <Logo />
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <button
            type="button"
            className="menu-button"
            aria-expanded={open}
            aria-controls={menuId}
            onClick={() => setOpen((o) => !o)}
          >
            <span className="menu-button__icon" aria-hidden="true" />
            {t('web.nav.menu')}
          </button>
          <div className="header__menu" id={menuId} data-open={open}>
            <nav aria-label={t('web.nav.main')} className="nav">
              <ul>
                {navFor(user?.role).map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} className="nav__link">
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="header__tools">
              <LanguageSwitcher />
              {me.isPending ? null : user ? (
                <div className="account">
                  <span className="account__name" title={user.email}>
                    {user.name}
                    <span className="account__role">{t(`account_role.${user.role}` as MessageKey)}</span>
                  </span>
                  <button type="button" className="button button--quiet" onClick={() => void onSignOut()}>
                    {t('web.nav.sign_out')}
                  </button>
                </div>
              ) : (
                <div className="account">
                  <NavLink to="/signin" className="button button--quiet">
                    {t('web.nav.sign_in')}
                  </NavLink>
                  <NavLink to="/signup" className="button button--primary">
                    {t('web.nav.sign_up')}
                  </NavLink>
                </div>
              )}
            </div>
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <div className="footer__inner">
          <p className="footer__brand">
            <strong>{t('app.name')}</strong> · {t('app.tagline')}
          </p>
          <p className="footer__note">{t('web.footer.note')}</p>
          <ul className="footer__links">
            <li>
              <Link to="/roles">{t('web.nav.roles')}</Link>
            </li>
            <li>
              <a href="/api/openapi.yaml">{t('web.footer.api')}</a>
            </li>
          </ul>
        </div>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
