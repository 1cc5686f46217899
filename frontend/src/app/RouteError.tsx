import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';

/** RouteError is shown when a page fails to load (e.g. a chunk after a redeploy) or throws. */
export function RouteError() {
  const { t } = useI18n();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="main">
      <div className="page">
        <h1 className="page__title">{notFound ? t('web.not_found.title') : t('web.error.page_title')}</h1>
        <p>{notFound ? t('web.not_found.body') : t('web.error.page_body')}</p>
        <p className="actions">
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            {t('web.common.reload')}
          </button>
          <Link className="button button--secondary" to="/">
            {t('web.not_found.home')}
          </Link>
        </p>
      </div>
    </main>
  );
}
