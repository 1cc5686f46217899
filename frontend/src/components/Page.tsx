import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider';

let firstPage = true;

/**
 * Page sets the document title and renders the page's one <h1>. After a
 * client-side navigation it moves focus to the heading, so keyboard and
 * screen-reader users start at the new page's top (as on a full load).
 */
export function Page(props: { title: string; lead?: ReactNode; actions?: ReactNode; children?: ReactNode; wide?: boolean; titleLang?: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · ${t('app.name')}`;
  }, [props.title, t]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className={props.wide ? 'page page--wide' : 'page'}>
      <div className="page__head">
        <div className="page__titles">
          <h1 ref={ref} tabIndex={-1} className="page__title" lang={props.titleLang}>
            {props.title}
          </h1>
          {props.lead && <div className="page__lead">{props.lead}</div>}
        </div>
        {props.actions && <div className="page__actions">{props.actions}</div>}
      </div>
      {props.children}
    </div>
  );
}
