import { Link, useSearchParams } from 'react-router';
import { useRecommendations } from '../../api/matching';
import { roleTypeValues } from '../../api/schema.gen';
import type { RoleType } from '../../api/types';
import { MatchExplain } from './MatchExplain';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { RoleCard } from '../roles/RoleCard';
import { SelectField } from '../../forms/fields';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryView } from '../../components/QueryView';

/** Recommendations lists open roles ranked for the signed-in candidate, each with its score and reasons. */
export default function Recommendations() {
  return <RequireAccount kinds={['candidate']}>{() => <RecommendationList />}</RequireAccount>;
}

function RecommendationList() {
  const { t, label, plural } = useI18n();
  const [params, setParams] = useSearchParams();
  const typeParam = params.get('type') ?? '';
  const type = (roleTypeValues as readonly string[]).includes(typeParam) ? (typeParam as RoleType) : undefined;
  const recs = useRecommendations(type);
  return (
    <Page wide title={t('web.recommend.title')} lead={<p>{t('web.recommend.lead')}</p>}>
      <div className="toolbar">
        <SelectField
          name="type"
          label={t('web.roles.type')}
          value={type ?? ''}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            if (e.target.value) next.set('type', e.target.value);
            else next.delete('type');
            setParams(next, { replace: true });
          }}
          options={[{ value: '', label: t('web.roles.any') }, ...roleTypeValues.map((v) => ({ value: v, label: label('role_type', v) }))]}
        />
      </div>
      <QueryView
        query={recs}
        isEmpty={(d) => d.length === 0}
        empty={
          <>
            <p>{t('web.recommend.none')}</p>
            <p>
              <Link to="/roles">{t('web.home.browse')}</Link>
            </p>
          </>
        }
      >
        {(list) => (
        <>
          <p className="result-count" role="status">
            {plural('web.recommend.count', list.length)}
          </p>
          <p className="muted">
            {t('web.recommend.profile_note')} <Link to="/profile">{t('web.recommend.improve')}</Link>
          </p>
          <ol className="card-list rec-list">
            {list.map((r, i) => (
              <li key={r.role.id} className="rec">
                <RoleCard role={r.role} />
                <MatchExplain match={r.match} open={i === 0} />
              </li>
            ))}
          </ol>
        </>
        )}
      </QueryView>
    </Page>
  );
}
