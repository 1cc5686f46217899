import { Link } from 'react-router';
import { Page } from './Page';
import { useI18n } from '../i18n/I18nProvider';

/** NotFound is the page for an address that names nothing (or nothing the reader may see). */
export default function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('web.not_found.title')}>
      <p>{t('web.not_found.body')}</p>
      <p className="actions">
        <Link className="button button--primary" to="/">
          {t('web.not_found.home')}
        </Link>
        <Link className="button button--secondary" to="/roles">
          {t('web.nav.roles')}
        </Link>
      </p>
    </Page>
  );
}
