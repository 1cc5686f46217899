import { type ReactNode, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { LoadMore } from './LoadMore';

/** The paging part of a TanStack infinite query that CardList needs. */
interface Pager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * CardList shows the items of a paged list as cards, with the "show more"
 * button (LoadMore) that fetches the next page and moves focus to its first
 * item. Each card must have an element with class row-card__title.
 */
export function CardList<T extends { id: number }>(props: { items: T[]; pager: Pager; render: (item: T) => ReactNode }) {
  const { t } = useI18n();
  const listRef = useRef<HTMLUListElement>(null);
  const { items, pager } = props;
  return (
    <>
      <ul className="card-list" ref={listRef}>
        {items.map((item) => (
          <li key={item.id}>{props.render(item)}</li>
        ))}
      </ul>
      <LoadMore
        hasMore={!!pager.hasNextPage}
        loading={pager.isFetchingNextPage}
        count={items.length}
        onMore={() => void pager.fetchNextPage()}
        listRef={listRef}
        itemSelector=".row-card__title"
        label={t('web.roles.more')}
      />
    </>
  );
}
