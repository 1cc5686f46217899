import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** The paging part of a TanStack infinite query that LoadMore needs. */
export interface Pager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * LoadMore fetches the next page of a list (`label`, "show more" unless
 * said). When the page arrives, focus moves to the first new item (found by
 * itemSelector inside listRef), so keyboard users continue where the new
 * items start.
 */
export function LoadMore(props: {
  pager: Pager;
  count: number;
  listRef: React.RefObject<HTMLElement | null>;
  itemSelector: string;
  label?: string;
}) {
  const { t } = useI18n();
  const pending = useRef<number | null>(null);
  const { pager } = props;
  useEffect(() => {
    if (pending.current !== null && props.count > pending.current) {
      const items = props.listRef.current?.querySelectorAll<HTMLElement>(props.itemSelector);
      items?.[pending.current]?.focus();
      pending.current = null;
    }
  }, [props.count, props.listRef, props.itemSelector]);
  if (!pager.hasNextPage) return null;
  const loading = pager.isFetchingNextPage;
  return (
    <div className="load-more">
      <button
        type="button"
        className="button button--secondary"
        disabled={loading}
        aria-busy={loading || undefined}
        onClick={() => {
          pending.current = props.count;
          void pager.fetchNextPage();
        }}
      >
        {loading ? t('web.common.loading') : (props.label ?? t('web.roles.more'))}
      </button>
    </div>
  );
}
