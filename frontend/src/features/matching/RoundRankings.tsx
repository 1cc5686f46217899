import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useOwnRoleIds } from '../../api/organizations';
import { useRolesById } from '../../api/roles';
import { type Round, useMyRanking, useRoleRanking, useSaveMyRanking, useSaveRoleRanking } from '../../api/rounds';
import type { ApplicantProfile } from '../../api/types';
import { QueryView } from '../../components/QueryView';
import { useI18n } from '../../i18n/I18nProvider';
import { CandidateSummary } from './CandidateSummary';
import { AddList, RankingForm, useRanking } from './Ranking';
import { RoleLink } from './roundParts';

const pageOfRoles = 20;

/** CandidateRanking is a candidate's rank list of an open round's roles, and the roles not ranked yet. */
export function CandidateRanking({ round }: { round: Round }) {
  const { t } = useI18n();
  const saved = useMyRanking(round.id, true);
  const ranking = useRanking(saved.data, useSaveMyRanking(round.id));
  const [shown, setShown] = useState(pageOfRoles);
  const all = round.role_ids ?? [];
  const available = all.filter((id) => !ranking.current.includes(id));
  const roles = useRolesById([...ranking.current, ...available.slice(0, shown)]);
  const title = (id: number) => roles.get(id)?.display.title ?? t('web.rounds.role_n', { N: String(id) });
  const link = (id: number) => <RoleLink id={id} role={roles.get(id)} />;
  return (
    <QueryView query={saved}>
      {() => (
        <div className="ranking">
          <section className="section" aria-labelledby="my-ranking">
            <h2 id="my-ranking">{t('web.rounds.my_ranking')}</h2>
            <p className="muted">{t('web.rounds.candidate_help')}</p>
            <RankingForm
              ranking={ranking}
              label={t('web.rounds.my_ranking')}
              empty={t('web.rounds.ranking_empty')}
              summary={
                ranking.form.code === 'consent_required' && (
                  <p>
                    <Link to="/profile?step=consent">{t('web.apply.go_profile')}</Link>
                  </p>
                )
              }
              nameOf={title}
              render={link}
            />
          </section>
          <section className="section" aria-labelledby="round-roles">
            <h2 id="round-roles">{t('web.rounds.available_roles')}</h2>
            {available.length === 0 ? (
              <p>{t('web.rounds.all_ranked')}</p>
            ) : (
              <>
                <AddList ids={available.slice(0, shown)} nameOf={title} render={(id) => <span>{link(id)}</span>} onAdd={(id) => ranking.add(id, title(id))} />
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
      )}
    </QueryView>
  );
}

/** OrganizationRankings gives an organisation one rank list per role of theirs in an open round. */
export function OrganizationRankings({ round }: { round: Round }) {
  const { t } = useI18n();
  const own = useOwnRoleIds();
  return (
    <QueryView query={own}>
      {(ids) => {
        const mine = (round.role_ids ?? []).filter((id) => ids.has(id));
        if (mine.length === 0) return <p>{t('web.rounds.no_own_roles')}</p>;
        return (
          <>
            <p className="muted">{t('web.rounds.org_help')}</p>
            {mine.map((roleId) => (
              <RoleRankingEditor key={roleId} round={round} roleId={roleId} />
            ))}
          </>
        );
      }}
    </QueryView>
  );
}

/** RoleRankingEditor is an organisation's rank list of the candidates who ranked one of its roles. */
function RoleRankingEditor({ round, roleId }: { round: Round; roleId: number }) {
  const { t } = useI18n();
  const loaded = useRoleRanking(round.id, roleId);
  const roles = useRolesById([roleId]);
  const ranking = useRanking(loaded.data?.candidate_ids, useSaveRoleRanking(round.id, roleId));
  const byId = useMemo(() => new Map<number, ApplicantProfile>((loaded.data?.rankers ?? []).map((p) => [p.user_id, p])), [loaded.data]);
  const name = (id: number) => byId.get(id)?.name ?? t('web.application.candidate_n', { N: String(id) });
  const summary = (id: number) => {
    const p = byId.get(id);
    return p ? <CandidateSummary profile={p} headingLevel={3} /> : name(id);
  };
  const available = (loaded.data?.rankers ?? []).map((p) => p.user_id).filter((id) => !ranking.current.includes(id));
  const headingId = `role-ranking-${roleId}`;
  return (
    <section className="section panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        <RoleLink id={roleId} role={roles.get(roleId)} />
      </h2>
      <QueryView query={loaded}>
        {(data) =>
          data.rankers.length === 0 ? (
            <p>{t('web.rounds.no_rankers')}</p>
          ) : (
            <>
              <RankingForm
                ranking={ranking}
                label={t('web.rounds.your_ranking')}
                heading={<h3>{t('web.rounds.your_ranking')}</h3>}
                empty={t('web.rounds.org_ranking_empty')}
                nameOf={name}
                render={summary}
              />
              {available.length > 0 && (
                <>
                  <h3>{t('web.rounds.rankers')}</h3>
                  <AddList ids={available} nameOf={name} render={summary} onAdd={(id) => ranking.add(id, name(id))} />
                </>
              )}
            </>
          )
        }
      </QueryView>
    </section>
  );
}
