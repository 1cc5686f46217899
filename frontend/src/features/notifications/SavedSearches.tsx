import { useMemo } from 'react';
import { Link } from 'react-router';
import { useSavedSearches } from '../../api/savedSearches';
import type { User } from '../../api/types';
import { CardList } from '../../components/CardList';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { useI18n } from '../../i18n/I18nProvider';
import { AccountNav } from '../account/AccountNav';
import { SavedSearchRow } from './SavedSearchRow';
import '../account/account.css';
import { QueryView } from '../../components/QueryView';

/** SavedSearches lists the candidate's saved role searches, each with its roles and a way to delete it. */
export default function SavedSearches() {
  return <RequireAccount kinds={['candidate']}>{(user) => <SearchesPage user={user} />}</RequireAccount>;
}

function SearchesPage({ user }: { user: User }) {
  const { t } = useI18n();
  const searches = useSavedSearches();
  const list = useMemo(() => searches.data?.pages.flatMap((p) => p.items) ?? [], [searches.data]);
  return (
    <Page wide title={t('web.saved_searches.title')} lead={<p>{t('web.saved_searches.lead')}</p>}>
      <div className="account-layout">
        <AccountNav user={user} />
        <div className="account-layout__main">
          <QueryView
            query={searches}
            data={list}
            isEmpty={(l) => l.length === 0}
            empty={
              <>
                <p>{t('web.saved_searches.none')}</p>
                <p>{t('web.saved_searches.how')}</p>
                <p>
                  <Link to="/roles" className="button button--primary">
                    {t('web.saved_searches.find')}
                  </Link>
                </p>
              </>
            }
          >
            {(items) => (
              <>
                <CardList items={items} pager={searches} render={(s) => <SavedSearchRow search={s} />} />
                <p className="muted">{t('web.saved_searches.how')}</p>
              </>
            )}
          </QueryView>
        </div>
      </div>
    </Page>
  );
}
