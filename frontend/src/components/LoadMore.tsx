import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * LoadMore fetches the next page of a list. When the page arrives, focus
 * moves to the first new item (found by itemSelector inside listRef), so
 * keyboard users continue where the new items start.
 */
export function LoadMore(props: {
  hasMore: boolean;
  loading: boolean;
  count: number;
  onMore: () => void;
  listRef: React.RefObject<HTMLElement | null>;
  itemSelector: string;
  label: string;
}) {
  const { t } = useI18n();
  const pending = useRef<number | null>(null);
  useEffect(() => {
    if (pending.current !== null && props.count > pending.current) {
      const items = props.listRef.current?.querySelectorAll<HTMLElement>(props.itemSelector);
      items?.[pending.current]?.focus();
      pending.current = null;
    }
  }, [props.count, props.listRef, props.itemSelector]);
  if (!props.hasMore) return null;
  return (
    <div className="load-more">
      <button
        type="button"
        className="button button--secondary"
        disabled={props.loading}
        aria-busy={props.loading || undefined}
        onClick={() => {
          pending.current = props.count;
          props.onMore();
        }}
      >
        {props.loading ? t('web.common.loading') : props.label}
      </button>
    </div>
  );
}
