import type { ReactNode } from 'react';
import { Empty, LoadError, Loading } from './Status';

/** The part of a TanStack query that QueryView reads. */
interface QueryState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data?: unknown;
  refetch: () => unknown;
}

/**
 * QueryView shows a query's state: loading, the error (with a retry, unless
 * noRetry), `empty` in an Empty box when isEmpty says there is nothing, else
 * children with the data. `data` stands in for the query's own data where a
 * page shows something derived from it (the items of a paged list).
 */
export function QueryView<Q extends QueryState, D = NonNullable<Q['data']>>(props: {
  query: Q;
  data?: D;
  isEmpty?: (data: D) => boolean;
  empty?: ReactNode;
  noRetry?: boolean;
  children: (data: D) => ReactNode;
}) {
  const { query } = props;
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} retry={props.noRetry ? undefined : () => void query.refetch()} />;
  const data = ('data' in props ? props.data : query.data) as D;
  if (props.isEmpty?.(data)) return <Empty>{props.empty}</Empty>;
  return <>{props.children(data)}</>;
}
