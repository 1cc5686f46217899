// The places of one's own account, for the header's account menu and the
// side navigation of the account pages. (Imported by the Layout, so it stays
// tiny: no page code.)
import type { AccountKind } from '../../api/types';
import type { MessageKey } from '../../i18n/catalog';

export interface AccountLink {
  to: string;
  label: MessageKey;
}

/** accountLinks lists the account pages a kind of account has. */
export function accountLinks(kind: AccountKind): AccountLink[] {
  const links: AccountLink[] = [
    { to: '/account', label: 'web.menu.security' },
    { to: '/account/sessions', label: 'web.menu.sessions' },
    { to: '/account/notifications', label: 'web.notify.menu_settings' },
  ];
  if (kind === 'candidate') {
    links.push(
      { to: '/account/searches', label: 'web.notify.menu_searches' },
      { to: '/account/privacy', label: 'web.menu.privacy' },
      { to: '/account/profile-views', label: 'web.menu.views' },
    );
  }
  links.push({ to: '/account/data', label: 'web.menu.data' });
  return links;
}
