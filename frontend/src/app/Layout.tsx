import { useEffect, useId, useState } from 'react';
import { Link, Navigate, NavLink, Outlet, ScrollRestoration, useLocation, useNavigate, useNavigation } from 'react-router';
import { useMe } from '../api/auth';
import type { AccountKind } from '../api/types';
import { Bell, useBellCount } from '../features/notifications/Bell';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Logo } from './Logo';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { AccountMenu } from '../features/account/AccountMenu';
import { openWhileEnrolling, useEnrolmentWatch } from '../features/account/gate';
import { enrolPath, mustEnrol, useSignOut } from '../features/account/session';

interface NavItem {
  to: string;
  label: MessageKey;
}

/** navFor lists the places each kind of account goes. */
function navFor(kind: AccountKind | undefined): NavItem[] {
  const roles: NavItem = { to: '/roles', label: 'web.nav.roles' };
  switch (kind) {
    case 'candidate':
      return [
        roles,
        { to: '/profile', label: 'web.nav.profile' },
        { to: '/applications', label: 'web.nav.applications' },
        { to: '/recommendations', label: 'web.nav.recommendations' },
        { to: '/rounds', label: 'web.nav.rounds' },
      ];
    case 'org_member':
      return [roles, { to: '/organization', label: 'web.nav.organization' }, { to: '/rounds', label: 'web.nav.rounds' }];
    case 'admin':
      return [roles, { to: '/admin', label: 'web.nav.admin' }, { to: '/rounds', label: 'web.nav.rounds' }, { to: '/ministry', label: 'web.nav.dashboard' }];
    case 'ministry':
      return [{ to: '/ministry', label: 'web.nav.dashboard' }, { to: '/progress', label: 'web.nav.progress' }, roles];
    default:
      return [roles, { to: '/hsp', label: 'web.nav.hsp' }, { to: '/progress', label: 'web.nav.progress' }];
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
  // An account whose kind requires an authenticator app and has none sets one up before anything else.
  useEnrolmentWatch();
  const restricted = mustEnrol(user);
  const sendToEnrol = restricted && !openWhileEnrolling(location.pathname);
  // Every signed-in account has notifications; one that must first set up its authenticator app cannot read them yet.
  const showBell = !!user && !restricted;
  const unread = useBellCount(showBell);

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
          {showBell && <Bell count={unread} className="bell--compact" />}
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
                {(restricted ? [] : navFor(user?.role)).map((item) => (
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
              {showBell && <Bell count={unread} className="bell--wide" />}
              {me.isPending ? null : user ? (
                <AccountMenu user={user} restricted={restricted} onSignOut={() => void onSignOut()} />
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
        {sendToEnrol ? <Navigate to={`${enrolPath}?next=${encodeURIComponent(location.pathname + location.search)}`} replace /> : <Outlet />}
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
              <Link to="/progress">{t('web.nav.progress')}</Link>
            </li>
            <li>
              <Link to="/hsp">{t('web.nav.hsp')}</Link>
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
