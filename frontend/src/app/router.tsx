// The routes. Every page is its own chunk, loaded when first visited, so
// the first load carries only the frame (Layout) and the page asked for.
//
// Waiting for other issues (add them here when their endpoints exist):
//   #3  /recommendations        recommended roles with score and reasons (candidate)
//       HSP points on the role page, skills autocomplete in the profile and role editor,
//       ranked applicants with reasons, /rounds (matching rounds: rank, create/open/run, results)
//   #5  /ministry                the goal dashboard (today a placeholder page), and the
//       live progress figure on the landing page
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Loading } from '../components/Status';
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
      { path: 'roles/:id', lazy: page(() => import('../pages/RolePage')) },
      { path: 'signin', lazy: page(() => import('../pages/SignIn')) },
      { path: 'signup', lazy: page(() => import('../pages/SignUp')) },
      { path: 'profile', lazy: page(() => import('../pages/Profile')) },
      { path: 'applications', lazy: page(() => import('../pages/MyApplications')) },
      { path: 'applications/:id', lazy: page(() => import('../pages/ApplicationPage')) },
      { path: 'organization', lazy: page(() => import('../pages/Organization')) },
      { path: 'organization/roles/new', lazy: page(() => import('../pages/RoleEditor')) },
      { path: 'organization/roles/:id/edit', lazy: page(() => import('../pages/RoleEditor')) },
      { path: 'organization/roles/:id/applicants', lazy: page(() => import('../pages/Applicants')) },
      { path: 'admin', lazy: page(() => import('../pages/Admin')) },
      { path: 'ministry', lazy: page(() => import('../pages/Ministry')) },
      { path: '*', lazy: page(() => import('../pages/NotFound')) },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
