import { type ReactNode, useRef } from 'react';
import { LoadMore, type Pager } from './LoadMore';

/**
 * CardList shows the items of a paged list as cards (`label` names the
 * list), with the "show more" button (LoadMore) that fetches the next page
 * and moves focus to its first item. Each card must have a focusable
 * element with class row-card__title.
 */
export function CardList<T extends { id: number }>(props: { items: T[]; pager: Pager; label?: string; render: (item: T) => ReactNode }) {
  const listRef = useRef<HTMLUListElement>(null);
  const { items, pager } = props;
  return (
    <>
      <ul className="card-list" ref={listRef} aria-label={props.label}>
        {items.map((item) => (
          <li key={item.id}>{props.render(item)}</li>
        ))}
      </ul>
      <LoadMore pager={pager} count={items.length} listRef={listRef} itemSelector=".row-card__title" />
    </>
  );
}
