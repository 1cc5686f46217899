import { useMemo, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useApplication, useRole, useRoleApplications } from '../api/queries';
import { stageValues } from '../api/schema.gen';
import type { Application, Stage } from '../api/types';
import { StageBadge } from '../components/Badges';
import { LoadMore } from '../components/LoadMore';
import { Page } from '../components/Page';
import { RequireRole } from '../components/RequireRole';
import { Empty, LoadError, Loading } from '../components/Status';
import { SelectField } from '../forms/fields';
import { useI18n } from '../i18n/I18nProvider';
import NotFound from './NotFound';

/** Applicants lists a role's applications for its organisation, optionally in one stage. */
export default function Applicants() {
  return <RequireRole roles={['org_member', 'admin']}>{() => <ApplicantList />}</RequireRole>;
}

function ApplicantList() {
  const { t, label } = useI18n();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const stageParam = params.get('stage') ?? '';
  const stage = (stageValues as readonly string[]).includes(stageParam) ? (stageParam as Stage) : undefined;
  const role = useRole(Number.isInteger(id) && id > 0 ? id : undefined);
  const apps = useRoleApplications(role.data?.id, stage);
  const list = useMemo(() => apps.data?.pages.flatMap((p) => p.items) ?? [], [apps.data]);
  const listRef = useRef<HTMLUListElement>(null);
  if (role.error instanceof ApiError && role.error.status === 404) return <NotFound />;
  if (role.isPending) return <Loading />;
  if (role.isError) return <LoadError error={role.error} retry={() => void role.refetch()} />;
  return (
    <Page
      wide
      title={t('web.applicants.title')}
      lead={
        <p>
          <Link to={`/roles/${role.data.id}`} lang={role.data.display.language}>
            {role.data.display.title}
          </Link>
        </p>
      }
    >
      <div className="toolbar">
        <SelectField
          name="stage"
          label={t('web.applicants.stage')}
          value={stage ?? ''}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            if (e.target.value) next.set('stage', e.target.value);
            else next.delete('stage');
            setParams(next, { replace: true });
          }}
          options={[{ value: '', label: t('web.applicants.all') }, ...stageValues.map((s) => ({ value: s, label: label('stage', s) }))]}
        />
      </div>
      {/* #3: applicants ranked by match score with reasons replace this newest-first list. */}
      {apps.isPending ? (
        <Loading />
      ) : apps.isError ? (
        <LoadError error={apps.error} retry={() => void apps.refetch()} />
      ) : list.length === 0 ? (
        <Empty>
          <p>{stage ? t('web.applicants.none_stage', { Stage: label('stage', stage) }) : t('web.applicants.none')}</p>
        </Empty>
      ) : (
        <>
          <ul className="card-list" ref={listRef}>
            {list.map((a) => (
              <li key={a.id}>
                <ApplicantRow app={a} />
              </li>
            ))}
          </ul>
          <LoadMore
            hasMore={!!apps.hasNextPage}
            loading={apps.isFetchingNextPage}
            count={list.length}
            onMore={() => void apps.fetchNextPage()}
            listRef={listRef}
            itemSelector=".row-card__title a"
            label={t('web.applicants.more')}
          />
        </>
      )}
    </Page>
  );
}

/** ApplicantRow loads the application for the candidate's name: the list API gives only candidate_id. */
function ApplicantRow({ app }: { app: Application }) {
  const { t, date } = useI18n();
  const full = useApplication(app.id);
  const name = full.data?.candidate?.name ?? t('web.application.candidate_n', { N: app.candidate_id });
  return (
    <article className="row-card">
      <div className="row-card__main">
        <h2 className="row-card__title">
          <Link to={`/applications/${app.id}`}>{name}</Link>
        </h2>
        <p className="row-card__meta">
          {t('web.applications.applied_on', { Date: date(app.created_at) })} · {t('web.applications.updated_on', { Date: date(app.updated_at) })}
        </p>
      </div>
      <div className="row-card__side">
        <StageBadge stage={app.stage} />
      </div>
    </article>
  );
}
