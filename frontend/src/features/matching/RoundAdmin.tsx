import { useState } from 'react';
import { Link } from 'react-router';
import { useRolesById } from '../../api/roles';
import { type Round, useRoundAction, useRoundResults } from '../../api/rounds';
import { useAnnounce } from '../../components/Announcer';
import { QueryView } from '../../components/QueryView';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { reportingTo } from '../../forms/MutationForm';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { RoleLink } from './roundParts';

/** RoundAdmin is what administrators do with a round: open a draft, run an open one, read a completed one's summary. */
export function RoundAdmin({ round }: { round: Round }) {
  const { t, dateTime, int } = useI18n();
  const announce = useAnnounce();
  const form = useFormErrors();
  const act = useRoundAction(
    round.id,
    reportingTo(form, {
      onSuccess: (r) => announce(r.status === 'completed' ? t('web.rounds.ran', { N: int(r.matched) }) : t('web.rounds.opened')),
    }),
  );
  const roles = useRolesById(round.role_ids ?? []);
  return (
    <section className="section" aria-labelledby="admin-round">
      <h2 id="admin-round">{round.status === 'completed' ? t('web.rounds.summary_title') : t('web.rounds.admin_title')}</h2>
      <ErrorSummary form={form} />
      {round.status === 'draft' && (
        <>
          <p>{t('web.rounds.draft_note')}</p>
          <button type="button" className="button button--primary" disabled={act.isPending} onClick={() => act.mutate('open')}>
            {t('web.rounds.open')}
          </button>
        </>
      )}
      {round.status === 'open' && (
        <>
          <p>{t('web.rounds.open_note', { Date: dateTime(round.ranking_deadline) })}</p>
          <button type="button" className="button button--primary" disabled={act.isPending} onClick={() => act.mutate('run')}>
            {act.isPending ? t('web.common.sending') : t('web.rounds.run')}
          </button>
        </>
      )}
      {round.status === 'completed' && <AdminSummary round={round} />}
      <details className="disclosure">
        <summary>{t('web.rounds.roles_title')}</summary>
        <ul className="plain-list">
          {(round.role_ids ?? []).map((id) => (
            <li key={id}>
              <RoleLink id={id} role={roles.get(id)} />
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function AdminSummary({ round }: { round: Round }) {
  const { t, int, dateTime } = useI18n();
  const results = useRoundResults(round.id, true);
  const [shown, setShown] = useState(50);
  const matches = results.data?.matches ?? [];
  const roles = useRolesById([...new Set(matches.slice(0, shown).map((m) => m.role_id))]);
  const matchedCandidates = new Set(matches.map((m) => m.candidate_id)).size;
  const rolesFilled = new Set(matches.map((m) => m.role_id)).size;
  return (
    <>
      <dl className="kpis kpis--small">
        <div>
          <dt>{t('web.rounds.kpi_matched')}</dt>
          <dd>{int(round.matched)}</dd>
        </div>
        <div>
          <dt>{t('web.rounds.kpi_roles')}</dt>
          <dd>{t('web.rounds.of', { N: int(rolesFilled), Total: int(round.role_ids?.length ?? 0) })}</dd>
        </div>
        <div>
          <dt>{t('web.rounds.kpi_candidates')}</dt>
          <dd>{int(matchedCandidates)}</dd>
        </div>
        <div>
          <dt>{t('web.rounds.kpi_proposals')}</dt>
          <dd>{int(round.proposals)}</dd>
        </div>
      </dl>
      {round.ran_at && <p className="muted">{t('web.rounds.ran_at', { Date: dateTime(round.ran_at) })}</p>}
      <QueryView query={results} data={matches} isEmpty={(m) => m.length === 0} empty={<p>{t('web.rounds.no_matches')}</p>}>
        {() => (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('web.rounds.results_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.rounds.col_candidate')}</th>
                <th scope="col">{t('web.rounds.col_role')}</th>
                <th scope="col">{t('web.rounds.col_application')}</th>
              </tr>
            </thead>
            <tbody>
              {matches.slice(0, shown).map((m) => (
                <tr key={`${m.candidate_id}-${m.role_id}`}>
                  <td>{t('web.application.candidate_n', { N: String(m.candidate_id) })}</td>
                  <td>
                    <RoleLink id={m.role_id} role={roles.get(m.role_id)} />
                  </td>
                  <td>
                    <Link to={`/applications/${m.application_id}`}>{t('web.rounds.application_n', { N: String(m.application_id) })}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {matches.length > shown && (
            <div className="load-more">
              <button type="button" className="button button--secondary" onClick={() => setShown((s) => s + 50)}>
                {t('web.roles.more')}
              </button>
            </div>
          )}
        </div>
        )}
      </QueryView>
    </>
  );
}
