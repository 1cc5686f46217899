import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, client, unwrap } from '../../api/client';
import { type Round, useMyRanking, useRoleRanking, useRound, useRoundResults } from '../../api/rounds';
import { useApplication } from '../../api/applications';
import { useMyOrganizations } from '../../api/organizations';
import type { ApplicantProfile, User } from '../../api/types';
import { useAnnounce } from '../../components/Announcer';
import { Page } from '../../components/Page';
import { RankList } from './RankList';
import { RequireAccount } from '../account/RequireAccount';
import { Empty, LoadError, Loading, Notice } from '../../components/Status';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import NotFound from '../../components/NotFound';
import { CandidateSummary } from './RoleCandidates';
import { RoleLink, RoundStatusBadge, useRolesById } from './roundParts';

/**
 * RoundDetail is one matching round, for each kind of account: candidates
 * rank its roles, organisations rank the candidates who ranked their roles,
 * administrators open and run it; once run, each sees their own results.
 */
export default function RoundDetail() {
  return <RequireAccount kinds={['candidate', 'org_member', 'admin', 'ministry']}>{(me) => <RoundLoader me={me} />}</RequireAccount>;
}

function RoundLoader({ me }: { me: User }) {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const round = useRound(valid ? id : undefined);
  if (!valid || (round.error instanceof ApiError && round.error.status === 404)) return <NotFound />;
  if (round.isPending) return <Loading />;
  if (round.isError) return <LoadError error={round.error} retry={() => void round.refetch()} />;
  return <RoundView round={round.data} me={me} />;
}

function RoundView({ round, me }: { round: Round; me: User }) {
  const { t, dateTime, plural } = useI18n();
  const roleIds = round.role_ids ?? [];
  return (
    <Page
      wide
      title={round.name}
      lead={
        <div className="lead-line">
          <RoundStatusBadge status={round.status} />
          <span>{t('web.rounds.deadline_at', { Date: dateTime(round.ranking_deadline) })}</span>
          <span>· {plural('web.rounds.roles_count', roleIds.length)}</span>
        </div>
      }
      actions={<Link to="/rounds">{t('web.rounds.all')}</Link>}
    >
      {me.role === 'admin' && <AdminPanel round={round} />}
      {round.status === 'open' && me.role === 'candidate' && <CandidateRanking round={round} />}
      {round.status === 'open' && me.role === 'org_member' && <OrganizationRankings round={round} />}
      {round.status === 'completed' && me.role !== 'admin' && <Results round={round} me={me} />}
      {round.status === 'open' && me.role === 'ministry' && <p>{t('web.rounds.ministry_note')}</p>}
    </Page>
  );
}

// ---- Administrators ---------------------------------------------------------------------

function AdminPanel({ round }: { round: Round }) {
  const { t, dateTime, int, lang } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const form = useFormErrors();
  const act = useMutation({
    mutationFn: (action: 'open' | 'run') =>
      unwrap(
        action === 'open'
          ? client.POST('/api/v1/rounds/{id}/open', { params: { path: { id: round.id } } })
          : client.POST('/api/v1/rounds/{id}/run', { params: { path: { id: round.id } } }),
      ),
    onSuccess: (r) => {
      form.clear();
      qc.setQueryData(['round', lang, r.id], r);
      void qc.invalidateQueries({ queryKey: ['round'] });
      void qc.invalidateQueries({ queryKey: ['rounds'] });
      announce(r.status === 'completed' ? t('web.rounds.ran', { N: int(r.matched) }) : t('web.rounds.opened'));
    },
    onError: form.report,
  });
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
      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <LoadError error={results.error} retry={() => void results.refetch()} />
      ) : matches.length === 0 ? (
        <Empty>
          <p>{t('web.rounds.no_matches')}</p>
        </Empty>
      ) : (
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
    </>
  );
}

// ---- Candidates -------------------------------------------------------------------------

const pageOfRoles = 20;

function CandidateRanking({ round }: { round: Round }) {
  const { t, int } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const saved = useMyRanking(round.id, true);
  const [order, setOrder] = useState<number[] | null>(null);
  const [shown, setShown] = useState(pageOfRoles);
  const [done, setDone] = useState(false);
  const form = useFormErrors();
  useEffect(() => {
    if (saved.data && order === null) setOrder(saved.data);
  }, [saved.data, order]);
  const current = order ?? [];
  const all = round.role_ids ?? [];
  const available = all.filter((id) => !current.includes(id));
  const roles = useRolesById([...current, ...available.slice(0, shown)]);
  const title = (id: number) => roles.get(id)?.display.title ?? t('web.rounds.role_n', { N: String(id) });
  const dirty = saved.data !== undefined && JSON.stringify(saved.data) !== JSON.stringify(current);
  const save = useMutation({
    mutationFn: () => unwrap(client.PUT('/api/v1/rounds/{id}/ranking', { params: { path: { id: round.id } }, body: { role_ids: current } })),
    onSuccess: (r) => {
      form.clear();
      qc.setQueryData(['round-ranking', round.id], r.role_ids);
      setOrder(r.role_ids);
      setDone(true);
      announce(t('web.rounds.saved'));
    },
    onError: (e) => {
      setDone(false);
      form.report(e);
    },
  });
  if (saved.isPending) return <Loading />;
  if (saved.isError) return <LoadError error={saved.error} retry={() => void saved.refetch()} />;
  return (
    <div className="ranking">
      <section className="section" aria-labelledby="my-ranking">
        <h2 id="my-ranking">{t('web.rounds.my_ranking')}</h2>
        <p className="muted">{t('web.rounds.candidate_help')}</p>
        <ErrorSummary form={form}>
          {form.code === 'consent_required' && (
            <p>
              <Link to="/profile?step=consent">{t('web.apply.go_profile')}</Link>
            </p>
          )}
        </ErrorSummary>
        {done && !dirty && !form.message && <Notice tone="success">{t('web.rounds.saved')}</Notice>}
        {current.length === 0 ? (
          <p>{t('web.rounds.ranking_empty')}</p>
        ) : (
          <RankList
            items={current}
            keyOf={(id) => id}
            nameOf={title}
            label={t('web.rounds.my_ranking')}
            onChange={(next) => {
              setDone(false);
              setOrder(next);
            }}
            render={(id) => <RoleLink id={id} role={roles.get(id)} />}
          />
        )}
        <div className="form__submit">
          <button type="button" className="button button--primary" disabled={save.isPending || !dirty} onClick={() => save.mutate()}>
            {save.isPending ? t('web.common.saving') : t('web.rounds.save_ranking')}
          </button>
          {dirty && <p className="muted">{t('web.rounds.unsaved')}</p>}
        </div>
      </section>
      <section className="section" aria-labelledby="round-roles">
        <h2 id="round-roles">{t('web.rounds.available_roles')}</h2>
        {available.length === 0 ? (
          <p>{t('web.rounds.all_ranked')}</p>
        ) : (
          <>
            <ul className="plain-list add-list">
              {available.slice(0, shown).map((id) => (
                <li key={id} className="add-list__item">
                  <span>
                    <RoleLink id={id} role={roles.get(id)} />
                  </span>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('web.rank.add_named', { Name: title(id) })}
                    onClick={() => {
                      setDone(false);
                      setOrder([...current, id]);
                      announce(t('web.rank.now_at', { Name: title(id), N: int(current.length + 1), Total: int(current.length + 1) }));
                    }}
                  >
                    {t('web.rank.add')}
                  </button>
                </li>
              ))}
            </ul>
            {available.length > shown && (
              <div className="load-more">
                <button type="button" className="button button--secondary" onClick={() => setShown((s) => s + pageOfRoles)}>
                  {t('web.roles.more')}
                </button>
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}

// ---- Organisations ----------------------------------------------------------------------

/** useOwnRoleIds returns the ids of the roles of the user's organisations (up to 1,000 each). */
function useOwnRoleIds() {
  const orgs = useMyOrganizations();
  return useQuery({
    queryKey: ['own-role-ids', orgs.data?.map((o) => o.id)],
    enabled: orgs.data !== undefined,
    queryFn: async () => {
      const ids = new Set<number>();
      for (const org of orgs.data ?? []) {
        let cursor: string | undefined;
        for (let page = 0; page < 20; page++) {
          const p = await unwrap(client.GET('/api/v1/organizations/{id}/roles', { params: { path: { id: org.id }, query: { limit: 50, cursor } } }));
          p.items.forEach((r) => ids.add(r.id));
          if (!p.next_cursor) break;
          cursor = p.next_cursor;
        }
      }
      return ids;
    },
  });
}

function OrganizationRankings({ round }: { round: Round }) {
  const { t } = useI18n();
  const own = useOwnRoleIds();
  if (own.isPending) return <Loading />;
  if (own.isError) return <LoadError error={own.error} retry={() => void own.refetch()} />;
  const mine = (round.role_ids ?? []).filter((id) => own.data.has(id));
  if (mine.length === 0) return <p>{t('web.rounds.no_own_roles')}</p>;
  return (
    <>
      <p className="muted">{t('web.rounds.org_help')}</p>
      {mine.map((roleId) => (
        <RoleRankingEditor key={roleId} round={round} roleId={roleId} />
      ))}
    </>
  );
}

function RoleRankingEditor({ round, roleId }: { round: Round; roleId: number }) {
  const { t, int, lang } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const ranking = useRoleRanking(round.id, roleId);
  const roles = useRolesById([roleId]);
  const form = useFormErrors();
  const [order, setOrder] = useState<number[] | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (ranking.data && order === null) setOrder(ranking.data.candidate_ids);
  }, [ranking.data, order]);
  const byId = useMemo(() => new Map<number, ApplicantProfile>((ranking.data?.rankers ?? []).map((p) => [p.user_id, p])), [ranking.data]);
  const current = order ?? [];
  const name = (id: number) => byId.get(id)?.name ?? t('web.application.candidate_n', { N: String(id) });
  const available = (ranking.data?.rankers ?? []).filter((p) => !current.includes(p.user_id));
  const dirty = ranking.data !== undefined && JSON.stringify(ranking.data.candidate_ids) !== JSON.stringify(current);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.PUT('/api/v1/rounds/{id}/roles/{role_id}/ranking', {
          params: { path: { id: round.id, role_id: roleId } },
          body: { candidate_ids: current },
        }),
      ),
    onSuccess: (r) => {
      form.clear();
      qc.setQueryData(['role-round-ranking', lang, round.id, roleId], r);
      setOrder(r.candidate_ids);
      setDone(true);
      announce(t('web.rounds.saved'));
    },
    onError: (e) => {
      setDone(false);
      form.report(e);
    },
  });
  const headingId = `role-ranking-${roleId}`;
  return (
    <section className="section panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        <RoleLink id={roleId} role={roles.get(roleId)} />
      </h2>
      {ranking.isPending ? (
        <Loading />
      ) : ranking.isError ? (
        <LoadError error={ranking.error} retry={() => void ranking.refetch()} />
      ) : ranking.data.rankers.length === 0 ? (
        <p>{t('web.rounds.no_rankers')}</p>
      ) : (
        <>
          <ErrorSummary form={form} />
          {done && !dirty && !form.message && <Notice tone="success">{t('web.rounds.saved')}</Notice>}
          <h3>{t('web.rounds.your_ranking')}</h3>
          {current.length === 0 ? (
            <p>{t('web.rounds.org_ranking_empty')}</p>
          ) : (
            <RankList
              items={current}
              keyOf={(id) => id}
              nameOf={name}
              label={t('web.rounds.your_ranking')}
              onChange={(next) => {
                setDone(false);
                setOrder(next);
              }}
              render={(id) => {
                const p = byId.get(id);
                return p ? <CandidateSummary profile={p} headingLevel={3} /> : name(id);
              }}
            />
          )}
          <div className="form__submit">
            <button type="button" className="button button--primary" disabled={save.isPending || !dirty} onClick={() => save.mutate()}>
              {save.isPending ? t('web.common.saving') : t('web.rounds.save_ranking')}
            </button>
            {dirty && <p className="muted">{t('web.rounds.unsaved')}</p>}
          </div>
          {available.length > 0 && (
            <>
              <h3>{t('web.rounds.rankers')}</h3>
              <ul className="plain-list add-list">
                {available.map((p) => (
                  <li key={p.user_id} className="add-list__item">
                    <CandidateSummary profile={p} headingLevel={3} />
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t('web.rank.add_named', { Name: p.name })}
                      onClick={() => {
                        setDone(false);
                        setOrder([...current, p.user_id]);
                        announce(t('web.rank.now_at', { Name: p.name, N: int(current.length + 1), Total: int(current.length + 1) }));
                      }}
                    >
                      {t('web.rank.add')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

// ---- Results ----------------------------------------------------------------------------

function Results({ round, me }: { round: Round; me: User }) {
  const { t } = useI18n();
  const results = useRoundResults(round.id, true);
  const matches = results.data?.matches ?? [];
  const roles = useRolesById([...new Set(matches.map((m) => m.role_id))]);
  return (
    <section className="section" aria-labelledby="results-title">
      <h2 id="results-title">{t('web.rounds.results_title')}</h2>
      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <LoadError error={results.error} retry={() => void results.refetch()} />
      ) : matches.length === 0 ? (
        <Notice>{me.role === 'candidate' ? t('web.rounds.no_match_candidate') : me.role === 'org_member' ? t('web.rounds.no_match_org') : t('web.rounds.no_matches')}</Notice>
      ) : (
        <ul className="card-list">
          {matches.map((m) => (
            <li key={`${m.candidate_id}-${m.role_id}`}>
              <article className="row-card">
                <div className="row-card__main">
                  <h3 className="row-card__title">
                    <RoleLink id={m.role_id} role={roles.get(m.role_id)} />
                  </h3>
                  {me.role === 'candidate' ? (
                    <p>{t('web.rounds.matched_candidate')}</p>
                  ) : (
                    <MatchedCandidate applicationId={m.application_id} candidateId={m.candidate_id} />
                  )}
                </div>
                <div className="row-card__side">
                  <Link className="button button--primary" to={`/applications/${m.application_id}`}>
                    {me.role === 'candidate' ? t('web.rounds.see_offer') : t('web.rounds.open_application')}
                  </Link>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MatchedCandidate({ applicationId, candidateId }: { applicationId: number; candidateId: number }) {
  const { t } = useI18n();
  const app = useApplication(applicationId);
  return <p>{t('web.rounds.matched_org', { Name: app.data?.candidate?.name ?? t('web.application.candidate_n', { N: String(candidateId) }) })}</p>;
}
