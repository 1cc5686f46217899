import { useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useRankedApplicants, useRoleApplications } from '../../api/applications';
import { stageValues } from '../../api/schema.gen';
import type { Application, Stage } from '../../api/types';
import { StageBadge } from '../../components/Badges';
import { MatchExplain } from '../matching/MatchExplain';
import { LoadMore } from '../../components/LoadMore';
import { RequireAccount } from '../account/RequireAccount';
import { SelectField } from '../../forms/fields';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryView } from '../../components/QueryView';
import { ForRole, useRoleInAddress } from '../roles/ForRole';

/**
 * Applicants lists a role's applications for its organisation, optionally in
 * one stage: ranked by how well each applicant matches the role, with the
 * reasons (the default), or newest first.
 */
export default function Applicants() {
  return <RequireAccount kinds={['org_member', 'admin']}>{() => <ApplicantList />}</RequireAccount>;
}

function ApplicantList() {
  const { t, label } = useI18n();
  const role = useRoleInAddress();
  const [params, setParams] = useSearchParams();
  const stageParam = params.get('stage') ?? '';
  const stage = (stageValues as readonly string[]).includes(stageParam) ? (stageParam as Stage) : undefined;
  const byMatch = params.get('sort') !== 'newest';
  const newest = useRoleApplications(byMatch ? undefined : role.data?.id, stage);
  const ranked = useRankedApplicants(role.data?.id, stage, byMatch);
  const apps = byMatch ? ranked : newest;
  const list = useMemo(
    () => (byMatch ? (ranked.data ?? []) : (newest.data?.pages.flatMap((p) => p.items) ?? [])),
    [byMatch, ranked.data, newest.data],
  );
  const listRef = useRef<HTMLUListElement>(null);
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <ForRole
      role={role}
      title={t('web.applicants.title')}
      actions={(r) => (
        <Link className="button button--secondary" to={`/organization/roles/${r.id}/candidates`}>
          {t('web.candidates.link')}
        </Link>
      )}
    >
      {() => (
      <>
      <div className="toolbar toolbar--row">
        <SelectField
          name="stage"
          label={t('web.applicants.stage')}
          value={stage ?? ''}
          onChange={(e) => setParam('stage', e.target.value)}
          options={[{ value: '', label: t('web.applicants.all') }, ...stageValues.map((s) => ({ value: s, label: label('stage', s) }))]}
        />
        <SelectField
          name="sort"
          label={t('web.ranked.order')}
          value={byMatch ? 'match' : 'newest'}
          onChange={(e) => setParam('sort', e.target.value === 'newest' ? 'newest' : '')}
          options={[
            { value: 'match', label: t('web.ranked.by_match') },
            { value: 'newest', label: t('web.ranked.newest') },
          ]}
        />
      </div>
      {byMatch && <p className="muted">{t('web.ranked.note')}</p>}
      <QueryView
        query={apps}
        data={list}
        isEmpty={(l) => l.length === 0}
        empty={<p>{stage ? t('web.applicants.none_stage', { Stage: label('stage', stage) }) : t('web.applicants.none')}</p>}
      >
        {() => (
        <>
          <ul className="card-list" ref={listRef}>
            {list.map((a) => (
              <li key={a.id}>
                <ApplicantRow app={a} ranked={byMatch} />
              </li>
            ))}
          </ul>
          {!byMatch && <LoadMore pager={newest} count={list.length} listRef={listRef} itemSelector=".row-card__title a" label={t('web.applicants.more')} />}
        </>
        )}
      </QueryView>
      </>
      )}
    </ForRole>
  );
}

/** ApplicantRow is one application: the candidate's name (while they share their profile), dates, stage and, ranked, the match. */
function ApplicantRow({ app, ranked }: { app: Application; ranked: boolean }) {
  const { t, date } = useI18n();
  const name = app.candidate?.name ?? t('web.application.candidate_n', { N: app.candidate_id });
  return (
    <article className="row-card">
      <div className="row-card__main">
        <h2 className="row-card__title">
          <Link to={`/applications/${app.id}`}>{name}</Link>
        </h2>
        <p className="row-card__meta">
          {t('web.applications.applied_on', { Date: date(app.created_at) })} · {t('web.applications.updated_on', { Date: date(app.updated_at) })}
        </p>
        {ranked && (app.match ? <MatchExplain match={app.match} forOrganization /> : <p className="muted">{t('web.ranked.no_match')}</p>)}
      </div>
      <div className="row-card__side">
        <StageBadge stage={app.stage} />
      </div>
    </article>
  );
}
