import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { useAnnounce } from '../../components/Announcer';
import './matching.css';

/** move returns a copy of list with the item at index `from` moved to index `to`. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

/**
 * RankList is an ordered list that the reader reorders with buttons (move
 * up, move down, remove), not by dragging: every change works with the
 * keyboard, keeps focus on the button that was pressed (or its neighbour at
 * either end), and is announced ("PyTorch engineer is now 2 of 5").
 */
export function RankList<T>(props: {
  items: readonly T[];
  keyOf: (item: T) => string | number;
  nameOf: (item: T) => string;
  render: (item: T) => ReactNode;
  onChange: (items: T[]) => void;
  label: string;
}) {
  const { items, keyOf, nameOf, render, onChange, label } = props;
  const { t, int } = useI18n();
  const announce = useAnnounce();
  const listRef = useRef<HTMLOListElement>(null);
  const focusAfter = useRef<{ key: string | number; action: 'up' | 'down' } | null>(null);

  useEffect(() => {
    const f = focusAfter.current;
    if (!f || !listRef.current) return;
    focusAfter.current = null;
    const row = listRef.current.querySelector<HTMLElement>(`[data-rank-key="${String(f.key)}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-action="${f.action}"]:not(:disabled)`);
    const other = row?.querySelector<HTMLButtonElement>(`[data-action="${f.action === 'up' ? 'down' : 'up'}"]:not(:disabled)`);
    (wanted ?? other)?.focus();
  }, [items]);

  const shift = (i: number, to: number, action: 'up' | 'down') => {
    const item = items[i]!;
    focusAfter.current = { key: keyOf(item), action };
    onChange(move(items, i, to));
    announce(t('web.rank.now_at', { Name: nameOf(item), N: int(to + 1), Total: int(items.length) }));
  };

  const remove = (i: number) => {
    const item = items[i]!;
    const next = items.filter((_, j) => j !== i);
    onChange(next);
    announce(t('web.rank.removed', { Name: nameOf(item) }));
    // Focus the row that takes its place, or the list's label.
    window.setTimeout(() => {
      const rows = listRef.current?.querySelectorAll<HTMLElement>('[data-action="remove"]');
      const target = rows?.[Math.min(i, (rows?.length ?? 1) - 1)];
      if (target) target.focus();
      else listRef.current?.focus();
    }, 0);
  };

  return (
    <ol className="rank-list" ref={listRef} aria-label={label} tabIndex={-1}>
      {items.map((item, i) => {
        const name = nameOf(item);
        return (
          <li key={keyOf(item)} className="rank-list__item" data-rank-key={String(keyOf(item))}>
            <span className="rank-list__n" aria-hidden="true">
              {int(i + 1)}
            </span>
            <div className="rank-list__body">{render(item)}</div>
            <div className="rank-list__tools">
              <button
                type="button"
                className="button button--secondary button--small"
                data-action="up"
                disabled={i === 0}
                aria-label={t('web.rank.up_named', { Name: name })}
                onClick={() => shift(i, i - 1, 'up')}
              >
                <span aria-hidden="true">↑</span> {t('web.rank.up')}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                data-action="down"
                disabled={i === items.length - 1}
                aria-label={t('web.rank.down_named', { Name: name })}
                onClick={() => shift(i, i + 1, 'down')}
              >
                <span aria-hidden="true">↓</span> {t('web.rank.down')}
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                data-action="remove"
                aria-label={t('web.rank.remove_named', { Name: name })}
                onClick={() => remove(i)}
              >
                {t('web.rank.remove')}
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
