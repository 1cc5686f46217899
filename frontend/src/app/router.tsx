// The routes. Every page is its own chunk, loaded when first visited, so
// the first load carries only the frame (Layout) and the page asked for.
//
// Issue #3 lives under pages/matching/ (recommendations, recommended
// candidates, matching rounds) and pages/hsp/ (the public calculator; the
// role page shows a candidate's points); issue #5 under pages/dashboard/
// (/ministry is the goal dashboard, /progress the open figures), whose
// charts load only on those pages. Their messages are the catalogues' later
// part (scripts/catalogue.mjs, laterSections): their routes load through
// withLater, which also awaits it.
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
      { index: true, lazy: page(() => import('../pages/Home')) },
      { path: 'roles', lazy: page(() => import('../pages/Roles')) },
      { path: 'roles/:id', lazy: page(() => withLater(import('../pages/RolePage'))) },
      { path: 'signin', lazy: page(() => import('../pages/SignIn')) },
      { path: 'signup', lazy: page(() => import('../pages/SignUp')) },
      { path: 'profile', lazy: page(() => withLater(import('../pages/Profile'))) },
      { path: 'applications', lazy: page(() => import('../pages/MyApplications')) },
      { path: 'applications/:id', lazy: page(() => import('../pages/ApplicationPage')) },
      { path: 'organization', lazy: page(() => import('../pages/Organization')) },
      { path: 'organization/roles/new', lazy: page(() => withLater(import('../pages/RoleEditor'))) },
      { path: 'organization/roles/:id/edit', lazy: page(() => withLater(import('../pages/RoleEditor'))) },
      { path: 'organization/roles/:id/applicants', lazy: page(() => withLater(import('../pages/Applicants'))) },
      { path: 'admin', lazy: page(() => import('../pages/Admin')) },
      { path: 'admin/users', lazy: page(() => withLater(import('../pages/account/AdminUsers'))) },
      { path: 'admin/audit', lazy: page(() => withLater(import('../pages/account/AuditLog'))) },
      // One's own account (issue #6): security, sessions, consent, who viewed the profile, export and erasure.
      { path: 'account', lazy: page(() => withLater(import('../pages/account/Account'))) },
      { path: 'account/authenticator', lazy: page(() => withLater(import('../pages/account/Enrol'))) },
      { path: 'account/sessions', lazy: page(() => withLater(import('../pages/account/Sessions'))) },
      { path: 'account/privacy', lazy: page(() => withLater(import('../pages/account/Privacy'))) },
      { path: 'account/profile-views', lazy: page(() => withLater(import('../pages/account/ProfileViews'))) },
      { path: 'account/data', lazy: page(() => withLater(import('../pages/account/MyData'))) },
      { path: 'account/deleted', lazy: page(() => withLater(import('../pages/account/Deleted'))) },
      // Issue #7: notifications, how each kind is sent, saved role searches, and one-click unsubscribe from an e-mail.
      { path: 'notifications', lazy: page(() => withLater(import('../pages/notifications/Notifications'))) },
      { path: 'account/notifications', lazy: page(() => withLater(import('../pages/account/NotificationSettings'))) },
      { path: 'account/searches', lazy: page(() => withLater(import('../pages/account/SavedSearches'))) },
      { path: 'unsubscribe', lazy: page(() => withLater(import('../pages/notifications/Unsubscribe'))) },
      { path: 'ministry', lazy: page(() => withLater(import('../pages/Ministry'))) },
      // Issue #3: recommendations, matching rounds, HSP points; issue #5: the open progress page.
      { path: 'recommendations', lazy: page(() => withLater(import('../pages/matching/Recommendations'))) },
      { path: 'organization/roles/:id/candidates', lazy: page(() => withLater(import('../pages/matching/RoleCandidates'))) },
      { path: 'rounds', lazy: page(() => withLater(import('../pages/matching/Rounds'))) },
      { path: 'rounds/new', lazy: page(() => withLater(import('../pages/matching/NewRound'))) },
      { path: 'rounds/:id', lazy: page(() => withLater(import('../pages/matching/RoundDetail'))) },
      { path: 'hsp', lazy: page(() => withLater(import('../pages/hsp/HspCalculator'))) },
      { path: 'progress', lazy: page(() => withLater(import('../pages/dashboard/PublicProgress'))) },
      { path: '*', lazy: page(() => import('../pages/NotFound')) },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
