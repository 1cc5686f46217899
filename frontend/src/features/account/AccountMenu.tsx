import { useEffect, useId, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import type { User } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { accountLinks } from './links';
import './menu.css';

/**
 * AccountMenu is the header's account button: the signed-in name and kind
 * of account, opening a list of the account pages and "Sign out". A
 * disclosure (button + list of links), not an ARIA menu: Tab moves through
 * it, Escape closes it and returns focus to the button, and it closes on
 * navigation or a click elsewhere. An account that must first set up its
 * authenticator app gets only "Sign out".
 */
export function AccountMenu({ user, restricted, onSignOut }: { user: User; restricted: boolean; onSignOut: () => void }) {
  const { t, label } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  return (
    <div
      className="account-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(e) => {
        if (open && root.current && e.relatedTarget instanceof Node && !root.current.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="account-menu__button"
        aria-expanded={open}
        aria-controls={id}
        title={user.email}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="account__name">
          {user.name}
          <span className="account__role">{label('account_role', user.role)}</span>
        </span>
        <span className="account-menu__chevron" aria-hidden="true" />
        <span className="visually-hidden">{t('web.menu.account')}</span>
      </button>
      <div className="account-menu__panel" id={id} hidden={!open}>
        <ul>
          {!restricted &&
            accountLinks(user.role).map((l) => (
              <li key={l.to}>
                <NavLink to={l.to} end className="account-menu__item">
                  {t(l.label)}
                </NavLink>
              </li>
            ))}
          <li>
            <button type="button" className="account-menu__item account-menu__signout" onClick={onSignOut}>
              {t('web.nav.sign_out')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
