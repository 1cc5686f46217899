import { useMemo } from 'react';
import type { Organization } from '../../api/types';
import { useAnnounce } from '../../components/Announcer';
import { CardList } from '../../components/CardList';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { AdminNav } from './AdminNav';
import { useUnverifiedOrganizations, useVerifyOrganization } from '../../api/organizations';
import { QueryView } from '../../components/QueryView';

/** Admin is the administrators' page: organisations awaiting verification. */
export default function Admin() {
  return <RequireAccount kinds={['admin']}>{() => <Verification />}</RequireAccount>;
}

function Verification() {
  const { t } = useI18n();
  const orgs = useUnverifiedOrganizations();
  const list = useMemo(() => orgs.data?.pages.flatMap((p) => p.items) ?? [], [orgs.data]);
  return (
    <Page wide title={t('web.admin.title')} lead={<p>{t('web.admin.lead')}</p>}>
      <AdminNav />
      <section className="section" aria-labelledby="pending-title">
        <h2 id="pending-title">{t('web.admin.pending')}</h2>
        <QueryView query={orgs} data={list} isEmpty={(l) => l.length === 0} empty={<p>{t('web.admin.none')}</p>}>
          {(items) => <CardList items={items} pager={orgs} render={(o) => <PendingOrganization org={o} />} />}
        </QueryView>
      </section>
    </Page>
  );
}

function PendingOrganization({ org }: { org: Organization }) {
  const { t, label, date } = useI18n();
  const announce = useAnnounce();
  const form = useFormErrors();
  const verify = useVerifyOrganization(org.id, {
    onSuccess: (o) => announce(t('web.admin.verified', { Name: o.name_en || o.name_ja })),
    onError: form.report,
  });
  return (
    <article className="row-card">
      <div className="row-card__main">
        <h3 className="row-card__title" tabIndex={-1}>
          <span lang="ja">{org.name_ja}</span> · <span lang="en">{org.name_en}</span>
        </h3>
        <p className="row-card__meta">
          {label('org_kind', org.kind)} · {label('prefecture', org.prefecture)} · {t('web.admin.registered', { Date: date(org.created_at) })}
        </p>
        {org.website && (
          <p className="row-card__meta">
            <a href={org.website} rel="noopener noreferrer">
              {org.website}
            </a>
          </p>
        )}
        <ErrorSummary form={form} />
      </div>
      <div className="row-card__side">
        <button
          type="button"
          className="button button--primary"
          disabled={verify.isPending}
          onClick={() => verify.mutate()}
          aria-label={t('web.admin.verify_named', { Name: org.name_en || org.name_ja })}
        >
          {t('web.admin.verify')}
        </button>
      </div>
    </article>
  );
}
