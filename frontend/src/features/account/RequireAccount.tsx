import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useMe } from '../../api/auth';
import type { AccountKind, User } from '../../api/types';
import { homeFor } from './session';
import { useI18n } from '../../i18n/I18nProvider';
import { Page } from '../../components/Page';
import { QueryView } from '../../components/QueryView';

/**
 * RequireAccount shows its children only to a signed-in user of one of the
 * kinds of account: visitors go to sign-in (and come back), other accounts
 * get a page saying this is not for their kind of account. The API checks again.
 */
export function RequireAccount({ kinds, children }: { kinds: AccountKind[]; children: (user: User) => ReactNode }) {
  const { t, label } = useI18n();
  const me = useMe();
  const location = useLocation();
  return (
    <QueryView query={me} data={me.data ?? null}>
      {(user) => {
        if (!user) {
          const next = encodeURIComponent(location.pathname + location.search);
          return <Navigate to={`/signin?next=${next}`} replace />;
        }
        if (!kinds.includes(user.role)) {
          return (
            <Page title={t('web.guard.title')}>
              <p>{t('web.guard.wrong_role', { Role: label('account_role', user.role) })}</p>
              <p>
                <Link to={homeFor(user.role)}>{t('web.guard.go_home')}</Link>
              </p>
            </Page>
          );
        }
        return children(user);
      }}
    </QueryView>
  );
}
