import { Link } from 'react-router';
import { type Round, useRounds } from '../../api/rounds';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { useI18n } from '../../i18n/I18nProvider';
import { RoundStatusBadge } from './roundParts';
import { QueryView } from '../../components/QueryView';

/** Rounds lists the matching rounds: open and completed ones for everyone, drafts too for administrators. */
export default function Rounds() {
  return <RequireAccount kinds={['candidate', 'org_member', 'admin', 'ministry']}>{(me) => <RoundList admin={me.role === 'admin'} />}</RequireAccount>;
}

function RoundList({ admin }: { admin: boolean }) {
  const { t } = useI18n();
  const rounds = useRounds();
  return (
    <Page
      wide
      title={t('web.rounds.title')}
      lead={<p>{t('web.rounds.lead')}</p>}
      actions={
        admin && (
          <Link className="button button--primary" to="/rounds/new">
            {t('web.rounds.new')}
          </Link>
        )
      }
    >
      <QueryView query={rounds} isEmpty={(d) => d.items.length === 0} empty={<p>{t('web.rounds.none')}</p>}>
        {(d) => (
          <ul className="card-list">
            {d.items.map((r) => (
              <li key={r.id}>
                <RoundRow round={r} />
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </Page>
  );
}

function RoundRow({ round }: { round: Round }) {
  const { t, dateTime, int } = useI18n();
  return (
    <article className="row-card">
      <div className="row-card__main">
        <h2 className="row-card__title">
          <Link to={`/rounds/${round.id}`}>{round.name}</Link>
        </h2>
        <p className="row-card__meta">
          {t('web.rounds.deadline_at', { Date: dateTime(round.ranking_deadline) })}
          {round.status === 'completed' && ` · ${t('web.rounds.matched_n', { N: int(round.matched) })}`}
        </p>
      </div>
      <div className="row-card__side">
        <RoundStatusBadge status={round.status} />
      </div>
    </article>
  );
}
