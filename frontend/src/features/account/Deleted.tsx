import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { Notice } from '../../components/Status';
import { useI18n } from '../../i18n/I18nProvider';

/** Deleted is where an erased account lands: what happened, signed out. */
export default function Deleted() {
  const { t } = useI18n();
  return (
    <Page title={t('web.deleted.title')}>
      <Notice tone="success">
        <p>{t('web.deleted.body')}</p>
      </Notice>
      <p>{t('web.deleted.kept')}</p>
      <p>
        <Link to="/" className="button button--primary">
          {t('web.not_found.home')}
        </Link>
      </p>
    </Page>
  );
}
