import { Link } from 'react-router';
import { Page } from '../components/Page';
import { RequireRole } from '../components/RequireRole';
import { Notice } from '../components/Status';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Ministry is where ministry viewers land. The goal dashboard is issue #5;
 * until it exists this page says so (and shows no figures it cannot stand behind).
 */
export default function Ministry() {
  const { t } = useI18n();
  return (
    <RequireRole roles={['ministry', 'admin']}>
      {() => (
        <Page title={t('web.ministry.title')} lead={<p>{t('web.home.goal')}</p>}>
          <Notice title={t('web.ministry.coming_title')}>
            <p>{t('web.ministry.coming_body')}</p>
          </Notice>
          <p>
            <Link to="/roles">{t('web.ministry.browse')}</Link>
          </p>
        </Page>
      )}
    </RequireRole>
  );
}
