import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../../api/auth';
import { useMyOrganizations } from '../../api/organizations';
import { useRole } from '../../api/roles';
import { useSkillLabels } from '../../api/matching';
import { languages } from '../../i18n/catalog';
import type { Role, User } from '../../api/types';
import { RoleStatusBadge, StageBadge } from '../../components/Badges';
import { Page } from '../../components/Page';
import { FallbackNote } from './RoleCard';
import { RoleTools } from './RoleTools';
import { japaneseText, orgName, orgNameLang, payText, placeText, skillLevelKey } from './roleText';
import { QueryView } from '../../components/QueryView';
import { Loading, Notice } from '../../components/Status';
import { TextArea } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { RoleHsp } from '../hsp/RoleHsp';
import NotFound from '../../components/NotFound';
import { useApply, useMyApplications } from '../../api/applications';
import { MutationForm } from '../../forms/MutationForm';

/** RolePage shows one role in the reader's language, and lets a candidate apply. */
export default function RolePage() {
  const id = Number(useParams().id);
  const role = useRole(Number.isInteger(id) ? id : undefined);
  if (!Number.isInteger(id) || id <= 0 || (role.isError && (role.error as { status?: number }).status === 404)) return <NotFound />;
  return <QueryView query={role}>{(r) => <RoleView role={r} />}</QueryView>;
}

function RoleView({ role: r }: { role: Role }) {
  const { t } = useI18n();
  return (
    <Page
      wide
      title={r.display.title}
      titleLang={r.display.language}
      lead={<RoleLead role={r} />}
    >
      <div className="role-layout">
        <div className="role-layout__main">
          <FallbackNote display={r.display} />
          <section aria-labelledby="about-title" className="section">
            <h2 id="about-title">{t('web.role.about')}</h2>
            <div className="prose" lang={r.display.language}>
              {r.display.description.split(/\n{2,}/).map((para, i) => (
                <p key={i}>{para}</p>
              ))}
            </div>
            <OtherLanguages role={r} />
          </section>
          <RoleDetails role={r} />
        </div>
        <aside className="role-layout__aside" aria-labelledby="apply-title">
          <ApplyPanel role={r} />
          <CandidateHsp role={r} />
        </aside>
      </div>
    </Page>
  );
}

function RoleLead({ role }: { role: Role }) {
  const i18n = useI18n();
  return (
    <div className="role-lead">
      {role.organization && (
        <p className="role-lead__org" lang={orgNameLang(i18n, role.organization)}>
          {orgName(i18n, role.organization)}
        </p>
      )}
      <p className="role-lead__tags">
        <span className="tag">{i18n.label('role_type', role.type)}</span>
        <span className="tag">{placeText(i18n, role)}</span>
        {role.status !== 'open' && <RoleStatusBadge status={role.status} />}
      </p>
    </div>
  );
}

/** OtherLanguages offers the role's text in each other language the organisation wrote it in. */
function OtherLanguages({ role }: { role: Role }) {
  const { t, label } = useI18n();
  const others = languages.filter((l) => l !== role.display.language && role.title[l]);
  if (others.length === 0) return null;
  return (
    <div className="other-languages">
      {others.map((l) => (
        <details key={l} className="disclosure">
          <summary>{t('web.role.read_in', { Language: label('language', l) })}</summary>
          <div lang={l} className="prose">
            <p className="prose__title">{role.title[l]}</p>
            {(role.description[l] || '').split(/\n{2,}/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </div>
        </details>
      ))}
    </div>
  );
}

/** CandidateHsp adds, for a signed-in candidate, the HSP points this role's pay would give them. */
function CandidateHsp({ role }: { role: Role }) {
  const me = useMe();
  if (me.data?.role !== 'candidate') return null;
  return <RoleHsp role={role} />;
}

function RoleDetails({ role }: { role: Role }) {
  const i18n = useI18n();
  const { t, label, plural, day } = i18n;
  const skillName = useSkillLabels([...role.required_skills, ...role.preferred_skills].map((s) => s.skill));
  const skills = (list: Role['required_skills']) => (
    <ul className="chips">
      {list.map((s) => (
        <li key={s.skill} className="chip">
          {t('web.role.skill_min', { Skill: skillName(s.skill), Level: t(skillLevelKey(s.min_proficiency)) })}
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="details-title" className="section">
      <h2 id="details-title">{t('web.role.details')}</h2>
      <dl className="details">
        <div>
          <dt>{t('web.role.type')}</dt>
          <dd>{label('role_type', role.type)}</dd>
        </div>
        <div>
          <dt>{t('web.role.where')}</dt>
          <dd>{placeText(i18n, role)}</dd>
        </div>
        <div>
          <dt>{t('web.role.pay')}</dt>
          <dd>{payText(i18n, role)}</dd>
        </div>
        {role.duration_months != null && (
          <div>
            <dt>{t('web.role.duration')}</dt>
            <dd>{plural('web.role.months', role.duration_months)}</dd>
          </div>
        )}
        {role.start_date && (
          <div>
            <dt>{t('web.role.start')}</dt>
            <dd>{day(role.start_date)}</dd>
          </div>
        )}
        {role.deadline && (
          <div>
            <dt>{t('web.role.deadline')}</dt>
            <dd>{day(role.deadline)}</dd>
          </div>
        )}
        <div>
          <dt>{t('web.role.openings')}</dt>
          <dd>{plural('web.role.openings_count', role.openings)}</dd>
        </div>
        <div>
          <dt>{t('web.role.visa')}</dt>
          <dd>{role.visa_support ? t('web.role.visa_yes') : t('web.role.visa_no')}</dd>
        </div>
        <div>
          <dt>{t('web.role.japanese')}</dt>
          <dd>{japaneseText(i18n, role)}</dd>
        </div>
        <div>
          <dt>{t('web.role.english')}</dt>
          <dd>
            {role.english_level === 'none'
              ? t('web.role.english_none')
              : t('web.role.english_level', { Level: label('english', role.english_level) })}
          </dd>
        </div>
        <div>
          <dt>{t('web.role.education')}</dt>
          <dd>{label('education', role.min_education)}</dd>
        </div>
        <div>
          <dt>{t('web.role.experience')}</dt>
          <dd>
            {role.min_experience_years > 0
              ? plural('web.role.experience_years', role.min_experience_years)
              : t('web.role.experience_none')}
          </dd>
        </div>
      </dl>
      {role.required_skills.length > 0 && (
        <>
          <h3>{t('web.role.required_skills')}</h3>
          {skills(role.required_skills)}
        </>
      )}
      {role.preferred_skills.length > 0 && (
        <>
          <h3>{t('web.role.preferred_skills')}</h3>
          {skills(role.preferred_skills)}
        </>
      )}
    </section>
  );
}

function ApplyPanel({ role }: { role: Role }) {
  const { t } = useI18n();
  const me = useMe();
  const user = me.data;
  return (
    <div className="panel">
      <h2 id="apply-title" className="panel__title">
        {user?.role === 'org_member' ? t('web.role_tools.title') : t('web.apply.title')}
      </h2>
      {me.isPending ? (
        <Loading />
      ) : !user ? (
        <>
          <p>{t('web.apply.sign_in_first')}</p>
          <div className="actions">
            <Link className="button button--primary" to={`/signin?next=${encodeURIComponent(`/roles/${role.id}`)}`}>
              {t('web.nav.sign_in')}
            </Link>
            <Link className="button button--secondary" to="/signup">
              {t('web.nav.sign_up')}
            </Link>
          </div>
        </>
      ) : user.role === 'candidate' ? (
        <CandidateApply role={role} />
      ) : user.role === 'org_member' ? (
        <MemberTools role={role} user={user} />
      ) : (
        <p>{t('web.apply.not_candidate')}</p>
      )}
    </div>
  );
}

function MemberTools({ role }: { role: Role; user: User }) {
  const { t } = useI18n();
  const orgs = useMyOrganizations();
  if (orgs.isPending) return <Loading />;
  if (orgs.data?.some((o) => o.id === role.organization_id)) return <RoleTools role={role} />;
  return <p>{t('web.apply.not_candidate')}</p>;
}

function CandidateApply({ role }: { role: Role }) {
  const { t, date } = useI18n();
  const mine = useMyApplications();
  const navigate = useNavigate();
  const [note, setNote] = useState('');
  const form = useFormErrors();
  const apply = useApply(role.id, {
    onSuccess: (app) => {
      navigate(`/applications/${app.id}`, { state: { applied: true } });
    },
    onError: form.report,
  });
  if (mine.isPending) return <Loading />;
  const existing = mine.data?.items.find((a) => a.role_id === role.id);
  if (existing) {
    return (
      <>
        <p>{t('web.apply.already', { Date: date(existing.created_at) })}</p>
        <p>
          <StageBadge stage={existing.stage} />
        </p>
        <Link className="button button--primary" to={`/applications/${existing.id}`}>
          {t('web.apply.view')}
        </Link>
      </>
    );
  }
  if (role.status !== 'open') return <Notice>{t('web.apply.closed')}</Notice>;
  return (
    <MutationForm
      form={form}
      onSubmit={() => apply.mutate(note)}
      summary={
        <>
          {form.code === 'consent_required' && (
            <p>
              <Link to="/profile?step=consent">{t('web.apply.go_profile')}</Link>
            </p>
          )}
          {form.code === 'already_applied' && form.existingId && (
            <p>
              <Link to={`/applications/${form.existingId}`}>{t('web.apply.view')}</Link>
            </p>
          )}
        </>
      }
    >
      <p className="muted">{t('web.apply.shared_note')}</p>
      <TextArea
        name="cover_note"
        label={t('web.apply.cover_note')}
        hint={t('web.apply.cover_note_hint')}
        optional={t('web.form.optional')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={form.fields.cover_note}
        rows={7}
        maxLength={5000}
      />
      <button type="submit" className="button button--primary button--block" disabled={apply.isPending}>
        {apply.isPending ? t('web.common.sending') : t('web.apply.submit')}
      </button>
    </MutationForm>
  );
}
