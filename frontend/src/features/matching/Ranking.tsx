import { type ReactNode, useEffect, useState } from 'react';
import type { Handlers } from '../../api/client';
import { useAnnounce } from '../../components/Announcer';
import { Notice } from '../../components/Status';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { type FormErrors, useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { RankList } from './RankList';

/** The part of a mutation hook's result that saves a rank list. */
interface SaveRanking {
  mutate: (ids: number[], handlers: Handlers<number[], number[]>) => void;
  isPending: boolean;
}

/** Ranking is a rank list being edited: the order, whether it differs from the saved one, and saving it. */
export interface Ranking {
  current: number[];
  dirty: boolean;
  done: boolean;
  form: FormErrors;
  saving: boolean;
  reorder: (ids: number[]) => void;
  add: (id: number, name: string) => void;
  save: () => void;
}

/**
 * useRanking edits a rank list that starts as saved (once loaded): reorder
 * and add items, then save them with the mutation; its outcome is shown by
 * RankingForm (the error summary, or "saved").
 */
export function useRanking(saved: number[] | undefined, mutation: SaveRanking): Ranking {
  const { t, int } = useI18n();
  const announce = useAnnounce();
  const form = useFormErrors();
  const [order, setOrder] = useState<number[] | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (saved && order === null) setOrder(saved);
  }, [saved, order]);
  const current = order ?? [];
  const change = (ids: number[]) => {
    setDone(false);
    setOrder(ids);
  };
  return {
    current,
    dirty: saved !== undefined && JSON.stringify(saved) !== JSON.stringify(current),
    done,
    form,
    saving: mutation.isPending,
    reorder: change,
    add: (id, name) => {
      change([...current, id]);
      announce(t('web.rank.now_at', { Name: name, N: int(current.length + 1), Total: int(current.length + 1) }));
    },
    save: () =>
      mutation.mutate(current, {
        onSuccess: (ids) => {
          form.clear();
          setOrder(ids);
          setDone(true);
          announce(t('web.rounds.saved'));
        },
        onError: (e) => {
          setDone(false);
          form.report(e);
        },
      }),
  };
}

/**
 * RankingForm shows a rank list being edited: what went wrong or that it was
 * saved, the list (reordered with buttons) or `empty`, and the save button.
 */
export function RankingForm(props: {
  ranking: Ranking;
  label: string;
  heading?: ReactNode;
  empty: string;
  summary?: ReactNode;
  nameOf: (id: number) => string;
  render: (id: number) => ReactNode;
}) {
  const { t } = useI18n();
  const { ranking: r } = props;
  return (
    <>
      <ErrorSummary form={r.form}>{props.summary}</ErrorSummary>
      {r.done && !r.dirty && !r.form.message && <Notice tone="success">{t('web.rounds.saved')}</Notice>}
      {props.heading}
      {r.current.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <RankList items={r.current} keyOf={(id) => id} nameOf={props.nameOf} label={props.label} onChange={r.reorder} render={props.render} />
      )}
      <div className="form__submit">
        <button type="button" className="button button--primary" disabled={r.saving || !r.dirty} onClick={r.save}>
          {r.saving ? t('web.common.saving') : t('web.rounds.save_ranking')}
        </button>
        {r.dirty && <p className="muted">{t('web.rounds.unsaved')}</p>}
      </div>
    </>
  );
}

/** AddList lists what is not ranked yet, each with a button that adds it at the end. */
export function AddList(props: { ids: number[]; nameOf: (id: number) => string; render: (id: number) => ReactNode; onAdd: (id: number) => void }) {
  const { t } = useI18n();
  return (
    <ul className="plain-list add-list">
      {props.ids.map((id) => (
        <li key={id} className="add-list__item">
          {props.render(id)}
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('web.rank.add_named', { Name: props.nameOf(id) })}
            onClick={() => props.onAdd(id)}
          >
            {t('web.rank.add')}
          </button>
        </li>
      ))}
    </ul>
  );
}
