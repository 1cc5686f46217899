import { useMemo } from 'react';
import { Link } from 'react-router';
import type { User } from '../../api/types';
import { CardList } from '../../components/CardList';
import { Page } from '../../components/Page';
import { RequireAccount } from './RequireAccount';
import { QueryView } from '../../components/QueryView';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import { type ProfileView, useProfileViews } from '../../api/account';
import { AccountNav } from './AccountNav';
import './account.css';

/** ProfileViews lists the organisations that saw the candidate's profile: who, when, and how. */
export default function ProfileViews() {
  return <RequireAccount kinds={['candidate']}>{(user) => <ViewsPage user={user} />}</RequireAccount>;
}

const how: Record<ProfileView['source'], MessageKey> = {
  application: 'web.views.source_application',
  recommendation: 'web.views.source_recommendation',
  round: 'web.views.source_round',
};

function ViewsPage({ user }: { user: User }) {
  const { t } = useI18n();
  const views = useProfileViews();
  const list = useMemo(() => views.data?.pages.flatMap((p) => p.items) ?? [], [views.data]);
  return (
    <Page wide title={t('web.views.title')} lead={<p>{t('web.views.lead')}</p>}>
      <div className="account-layout">
        <AccountNav user={user} />
        <div className="account-layout__main">
          <QueryView query={views} data={list} isEmpty={(l) => l.length === 0} empty={<p>{t('web.views.none')}</p>}>
            {(items) => <CardList items={items} pager={views} label={t('web.views.title')} render={(v) => <ViewCard view={v} />} />}
          </QueryView>
          <p className="muted section">
            {t('web.views.control')} <Link to="/account/privacy">{t('web.menu.privacy')}</Link>
          </p>
        </div>
      </div>
    </Page>
  );
}

function ViewCard({ view: v }: { view: ProfileView }) {
  const { t, label, day, dateTime } = useI18n();
  return (
    <article className="row-card view">
      <div className="row-card__main">
        <h2 className="row-card__title view__org" tabIndex={-1}>
          <span lang="ja">{v.organization.name_ja}</span>
          {v.organization.name_en && (
            <>
              {' · '}
              <span lang="en">{v.organization.name_en}</span>
            </>
          )}
        </h2>
        <p className="row-card__meta">
          {label('org_kind', v.organization.kind)} · {label('prefecture', v.organization.prefecture)}
        </p>
        <p>{t(how[v.source])}</p>
      </div>
      <div className="row-card__side view__when">
        <time dateTime={v.first_seen_at} title={dateTime(v.first_seen_at)}>
          {day(v.viewed_on)}
        </time>
      </div>
    </article>
  );
}
