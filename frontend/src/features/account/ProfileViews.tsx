import { useMemo, useRef } from 'react';
import { Link } from 'react-router';
import type { User } from '../../api/types';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { RequireAccount } from './RequireAccount';
import { Empty, LoadError, Loading } from '../../components/Status';
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
  const { t, label, day, dateTime } = useI18n();
  const views = useProfileViews();
  const list = useMemo(() => views.data?.pages.flatMap((p) => p.items) ?? [], [views.data]);
  const listRef = useRef<HTMLUListElement>(null);
  return (
    <Page wide title={t('web.views.title')} lead={<p>{t('web.views.lead')}</p>}>
      <div className="account-layout">
        <AccountNav user={user} />
        <div className="account-layout__main">
          {views.isPending ? (
            <Loading />
          ) : views.isError ? (
            <LoadError error={views.error} retry={() => void views.refetch()} />
          ) : list.length === 0 ? (
            <Empty>
              <p>{t('web.views.none')}</p>
            </Empty>
          ) : (
            <>
              <ul className="card-list" ref={listRef} aria-label={t('web.views.title')}>
                {list.map((v) => (
                  <li key={v.id}>
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
                  </li>
                ))}
              </ul>
              <LoadMore
                hasMore={!!views.hasNextPage}
                loading={views.isFetchingNextPage}
                count={list.length}
                onMore={() => void views.fetchNextPage()}
                listRef={listRef}
                itemSelector=".row-card__title"
                label={t('web.roles.more')}
              />
            </>
          )}
          <p className="muted section">
            {t('web.views.control')} <Link to="/account/privacy">{t('web.menu.privacy')}</Link>
          </p>
        </div>
      </div>
    </Page>
  );
}
