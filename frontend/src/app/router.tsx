// The routes. Every page is its own chunk, loaded when first visited, so
// the first load carries only the frame (Layout) and the page asked for.
// Pages live in their feature's folder under features/; the frame depends on
// them, never the other way round.
//
// Pages whose messages are in the catalogues' later part (scripts/catalogue.mjs,
// laterSections: matching, HSP, dashboard, account, notifications) load
// through withLater, which also awaits it. /ministry is the goal dashboard,
// /progress the open figures; their charts load only on those pages.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Loading } from '../components/Status';
import { withLater } from '../i18n/catalog';
import { Layout } from './Layout';
import { RouteError } from './RouteError';

type PageModule = { default: React.ComponentType };
const page = (load: () => Promise<PageModule>) => async () => ({ Component: (await load()).default });

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading />,
    children: [
      { index: true, lazy: page(() => import('../features/home/Home')) },
      { path: 'roles', lazy: page(() => import('../features/roles/Roles')) },
      { path: 'roles/:id', lazy: page(() => withLater(import('../features/roles/RolePage'))) },
      { path: 'signin', lazy: page(() => import('../features/account/SignIn')) },
      { path: 'signup', lazy: page(() => import('../features/account/SignUp')) },
      { path: 'profile', lazy: page(() => withLater(import('../features/profile/Profile'))) },
      { path: 'applications', lazy: page(() => import('../features/applications/MyApplications')) },
      { path: 'applications/:id', lazy: page(() => import('../features/applications/ApplicationPage')) },
      { path: 'organization', lazy: page(() => import('../features/organisation/Organization')) },
      { path: 'organization/roles/new', lazy: page(() => withLater(import('../features/roles/RoleEditor'))) },
      { path: 'organization/roles/:id/edit', lazy: page(() => withLater(import('../features/roles/RoleEditor'))) },
      { path: 'organization/roles/:id/applicants', lazy: page(() => withLater(import('../features/applications/Applicants'))) },
      { path: 'admin', lazy: page(() => import('../features/admin/Admin')) },
      { path: 'admin/users', lazy: page(() => withLater(import('../features/admin/AdminUsers'))) },
      { path: 'admin/audit', lazy: page(() => withLater(import('../features/admin/AuditLog'))) },
      // One's own account: security, sessions, consent, who viewed the profile, export and erasure.
      { path: 'account', lazy: page(() => withLater(import('../features/account/Account'))) },
      { path: 'account/authenticator', lazy: page(() => withLater(import('../features/account/Enrol'))) },
      { path: 'account/sessions', lazy: page(() => withLater(import('../features/account/Sessions'))) },
      { path: 'account/privacy', lazy: page(() => withLater(import('../features/account/Privacy'))) },
      { path: 'account/profile-views', lazy: page(() => withLater(import('../features/account/ProfileViews'))) },
      { path: 'account/data', lazy: page(() => withLater(import('../features/account/MyData'))) },
      { path: 'account/deleted', lazy: page(() => withLater(import('../features/account/Deleted'))) },
      // Notifications, how each kind is sent, saved role searches, and one-click unsubscribe from an e-mail.
      { path: 'notifications', lazy: page(() => withLater(import('../features/notifications/Notifications'))) },
      { path: 'account/notifications', lazy: page(() => withLater(import('../features/notifications/NotificationSettings'))) },
      { path: 'account/searches', lazy: page(() => withLater(import('../features/notifications/SavedSearches'))) },
      { path: 'unsubscribe', lazy: page(() => withLater(import('../features/notifications/Unsubscribe'))) },
      { path: 'ministry', lazy: page(() => withLater(import('../features/dashboard/Dashboard'))) },
      // Recommendations, matching rounds, HSP points, and the open progress page.
      { path: 'recommendations', lazy: page(() => withLater(import('../features/matching/Recommendations'))) },
      { path: 'organization/roles/:id/candidates', lazy: page(() => withLater(import('../features/matching/RoleCandidates'))) },
      { path: 'rounds', lazy: page(() => withLater(import('../features/matching/Rounds'))) },
      { path: 'rounds/new', lazy: page(() => withLater(import('../features/matching/NewRound'))) },
      { path: 'rounds/:id', lazy: page(() => withLater(import('../features/matching/RoundDetail'))) },
      { path: 'hsp', lazy: page(() => withLater(import('../features/hsp/HspCalculator'))) },
      { path: 'progress', lazy: page(() => withLater(import('../features/dashboard/PublicProgress'))) },
      { path: '*', lazy: page(() => import('../components/NotFound')) },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
