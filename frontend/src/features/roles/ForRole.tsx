import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useRole } from '../../api/roles';
import type { Role } from '../../api/types';
import NotFound from '../../components/NotFound';
import { Page } from '../../components/Page';
import { QueryView } from '../../components/QueryView';

/** useRoleInAddress loads the role whose id is the address's :id (none for an id that is not a number). */
export function useRoleInAddress() {
  const id = Number(useParams().id);
  return useRole(Number.isInteger(id) && id > 0 ? id : undefined);
}

const isNotFound = (e: unknown) => e instanceof ApiError && e.status === 404;

/**
 * ForRole is the frame of an organisation's page about one of its roles
 * (its applicants, its recommended candidates): the role's title as a link
 * under the page's title, then the page. A role that is not there, or a
 * `missing` answer about it, is the not-found page.
 */
export function ForRole(props: {
  role: ReturnType<typeof useRoleInAddress>;
  missing?: unknown;
  title: string;
  lead?: ReactNode;
  actions: (role: Role) => ReactNode;
  children: (role: Role) => ReactNode;
}) {
  if (isNotFound(props.role.error) || isNotFound(props.missing)) return <NotFound />;
  return (
    <QueryView query={props.role}>
      {(role) => (
        <Page
          wide
          title={props.title}
          lead={
            <>
              <p>
                <Link to={`/roles/${role.id}`} lang={role.display.language}>
                  {role.display.title}
                </Link>
              </p>
              {props.lead}
            </>
          }
          actions={props.actions(role)}
        >
          {props.children(role)}
        </Page>
      )}
    </QueryView>
  );
}
