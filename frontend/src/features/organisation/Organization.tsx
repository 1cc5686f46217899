import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useCreateOrganization, useMyOrganizations, useOrganizationRoles } from '../../api/organizations';
import { organizationKindValues, prefectureValues } from '../../api/schema.gen';
import type { Organization as Org, OrganizationRequest } from '../../api/types';
import { useAnnounce } from '../../components/Announcer';
import { RoleStatusBadge, VerifiedBadge } from '../../components/Badges';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { RoleTools } from '../roles/RoleTools';
import { QueryView } from '../../components/QueryView';
import { Notice } from '../../components/Status';
import { SelectField, TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { MutationForm, reportingTo } from '../../forms/MutationForm';

/** Organization is an organisation member's home: their organisations and roles. */
export default function Organization() {
  return <RequireAccount kinds={['org_member']}>{() => <Organizations />}</RequireAccount>;
}

function Organizations() {
  const { t } = useI18n();
  const orgs = useMyOrganizations();
  return (
    <Page wide title={t('web.org.title')} lead={<p>{t('web.org.lead')}</p>}>
      <QueryView query={orgs}>
        {(list) =>
          list.length === 0 ? (
            <section className="section" aria-labelledby="create-title">
              <h2 id="create-title">{t('web.org.create_title')}</h2>
              <p>{t('web.org.create_lead')}</p>
              <OrganizationForm />
            </section>
          ) : (
            <>
              {list.map((o) => (
                <OrganizationSection key={o.id} org={o} />
              ))}
              <details className="disclosure section">
                <summary>{t('web.org.another')}</summary>
                <OrganizationForm />
              </details>
            </>
          )
        }
      </QueryView>
    </Page>
  );
}

function OrganizationSection({ org }: { org: Org }) {
  const { t, label, date } = useI18n();
  const roles = useOrganizationRoles(org.id);
  const list = useMemo(() => roles.data?.pages.flatMap((p) => p.items) ?? [], [roles.data]);
  const listRef = useRef<HTMLUListElement>(null);
  const headingId = `org-${org.id}`;
  return (
    <section className="org section" aria-labelledby={headingId}>
      <div className="org__head">
        <div>
          <h2 id={headingId} className="org__name">
            <span lang="ja">{org.name_ja}</span>
            <span className="org__name-en" lang="en">
              {org.name_en}
            </span>
          </h2>
          <p className="muted">
            {label('org_kind', org.kind)} · {label('prefecture', org.prefecture)}
            {org.website && (
              <>
                {' · '}
                <a href={org.website} rel="noopener noreferrer">
                  {org.website.replace(/^https?:\/\//, '')}
                </a>
              </>
            )}
          </p>
        </div>
        <VerifiedBadge verified={org.verified} />
      </div>
      {!org.verified ? (
        <Notice tone="warning" title={t('web.org.awaiting')}>
          <p>{t('web.org.awaiting_body', { Date: date(org.created_at) })}</p>
        </Notice>
      ) : (
        <>
          <div className="section__head">
            <h3>{t('web.org.roles')}</h3>
            <Link className="button button--primary" to={`/organization/roles/new?org=${org.id}`}>
              {t('web.org.post_role')}
            </Link>
          </div>
          <QueryView query={roles} data={list} isEmpty={(l) => l.length === 0} empty={<p>{t('web.org.no_roles')}</p>}>
            {(items) => (
              <>
                <ul className="card-list" ref={listRef}>
                  {items.map((r) => (
                    <li key={r.id}>
                      <article className="row-card">
                        <div className="row-card__main">
                          <h4 className="row-card__title">
                            <Link to={`/roles/${r.id}`} lang={r.display.language}>
                              {r.display.title}
                            </Link>
                          </h4>
                          <p className="row-card__meta">
                            {label('role_type', r.type)}
                            {r.published_at && <> · {t('web.org.published_on', { Date: date(r.published_at) })}</>}
                          </p>
                          <RoleTools role={r} compact />
                        </div>
                        <div className="row-card__side">
                          <RoleStatusBadge status={r.status} />
                        </div>
                      </article>
                    </li>
                  ))}
                </ul>
                <LoadMore pager={roles} count={items.length} listRef={listRef} itemSelector=".row-card__title a" />
              </>
            )}
          </QueryView>
        </>
      )}
    </section>
  );
}

const emptyOrg = { name_ja: '', name_en: '', kind: '', prefecture: '', website: '' };

function OrganizationForm() {
  const { t, label } = useI18n();
  const announce = useAnnounce();
  const [draft, setDraft] = useState(emptyOrg);
  const form = useFormErrors();
  const create = useCreateOrganization(
    reportingTo(form, {
      onSuccess: () => {
        setDraft(emptyOrg);
        announce(t('web.org.created'));
      },
    }),
  );
  const set = (k: keyof typeof emptyOrg) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  return (
    <MutationForm className="form" form={form} onSubmit={() => create.mutate(draft as OrganizationRequest)}>
      <div className="grid-2">
        <TextField name="name_ja" lang="ja" label={t('web.org.name_ja')} value={draft.name_ja} onChange={set('name_ja')} error={form.fields.name_ja} />
        <TextField name="name_en" lang="en" label={t('web.org.name_en')} value={draft.name_en} onChange={set('name_en')} error={form.fields.name_en} />
      </div>
      <div className="grid-2">
        <SelectField
          name="kind"
          label={t('web.org.kind')}
          value={draft.kind}
          onChange={set('kind')}
          error={form.fields.kind}
          options={[{ value: '', label: t('web.form.choose') }, ...organizationKindValues.map((v) => ({ value: v, label: label('org_kind', v) }))]}
        />
        <SelectField
          name="prefecture"
          label={t('web.org.prefecture')}
          value={draft.prefecture}
          onChange={set('prefecture')}
          error={form.fields.prefecture}
          options={[{ value: '', label: t('web.form.choose') }, ...prefectureValues.map((v) => ({ value: v, label: label('prefecture', v) }))]}
        />
      </div>
      <TextField name="website" type="url" label={t('web.org.website')} optional={t('web.form.optional')} hint={t('web.org.website_hint')} value={draft.website} onChange={set('website')} error={form.fields.website} autoComplete="url" />
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        {create.isPending ? t('web.common.sending') : t('web.org.create')}
      </button>
    </MutationForm>
  );
}
