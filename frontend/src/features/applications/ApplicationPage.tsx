import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { visaStatusValues } from '../../api/schema.gen';
import type { Application, Placement, Stage, User, VisaStatus } from '../../api/types';
import { useAnnounce } from '../../components/Announcer';
import { ApplicantProfileView } from './ApplicantProfileView';
import { StageBadge } from '../../components/Badges';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { QueryView } from '../../components/QueryView';
import { Notice } from '../../components/Status';
import { Timeline } from './Timeline';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { CheckboxField, RadioGroup, SelectField, TextArea, TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import NotFound from '../../components/NotFound';
import { useApplication, useMoveApplication, usePlacement, useRecordArrival, useRecordPlacement, useReloadApplication } from '../../api/applications';
import { MutationForm, reportingTo } from '../../forms/MutationForm';
import { plainMoves } from './offerLogic';
import { OfferSection } from './OfferSection';

/** ApplicationPage is one application: its timeline, and what the viewer may do next. */
export default function ApplicationPage() {
  return (
    <RequireAccount kinds={['candidate', 'org_member', 'admin']}>{(user) => <ApplicationView user={user} />}</RequireAccount>
  );
}

function ApplicationView({ user }: { user: User }) {
  const id = Number(useParams().id);
  const app = useApplication(Number.isInteger(id) && id > 0 ? id : undefined);
  if (!Number.isInteger(id) || id <= 0 || (app.error instanceof ApiError && app.error.status === 404)) return <NotFound />;
  return <QueryView query={app}>{(a) => <ApplicationDetail app={a} user={user} />}</QueryView>;
}

function ApplicationDetail({ app: a, user }: { app: Application; user: User }) {
  const { t } = useI18n();
  const location = useLocation();
  const applied = (location.state as { applied?: boolean } | null)?.applied;
  const viewer = user.role === 'candidate' ? 'candidate' : user.role === 'org_member' ? 'organization' : 'other';
  const roleTitle = a.role?.display.title ?? t('web.applications.role_n', { N: a.role_id });
  return (
    <Page
      wide
      title={roleTitle}
      titleLang={a.role?.display.language}
      lead={
        <p className="lead-line">
          {viewer === 'candidate' ? t('web.application.yours') : t('web.application.from', { Name: a.candidate?.name ?? t('web.application.candidate_n', { N: a.candidate_id }) })}
          {' · '}
          <StageBadge stage={a.stage} />
        </p>
      }
      actions={
        <Link className="button button--quiet" to={`/roles/${a.role_id}`}>
          {t('web.application.view_role')}
        </Link>
      }
    >
      {applied && viewer === 'candidate' && <Notice tone="success">{t('web.application.sent')}</Notice>}
      <div className="role-layout">
        <div className="role-layout__main">
          {viewer === 'candidate' && (
            <section className="section" aria-labelledby="now-title">
              <h2 id="now-title">{t('web.application.now')}</h2>
              <p>{t(`web.stage_help.${a.stage}` as MessageKey)}</p>
            </section>
          )}
          {viewer === 'candidate' && <OfferSection app={a} viewer={viewer} />}
          {viewer !== 'candidate' && (
            <section className="section" aria-labelledby="candidate-title">
              <h2 id="candidate-title">{t('web.application.candidate')}</h2>
              {a.candidate ? <ApplicantProfileView profile={a.candidate} /> : <Notice>{t('web.application.not_shared')}</Notice>}
            </section>
          )}
          {a.cover_note && (
            <section className="section" aria-labelledby="note-title">
              <h2 id="note-title">{t('web.apply.cover_note')}</h2>
              <div className="prose quote">
                {a.cover_note.split(/\n{2,}/).map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </div>
            </section>
          )}
          {viewer !== 'candidate' && <OfferSection app={a} viewer={viewer} />}
          <section className="section" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('web.application.timeline')}</h2>
            <Timeline events={a.timeline ?? []} viewer={viewer} />
          </section>
        </div>
        <aside className="role-layout__aside">
          {viewer === 'candidate' && <CandidateActions app={a} />}
          {viewer === 'organization' && <OrganizationActions app={a} />}
          {(a.stage === 'placed' || a.stage === 'accepted') && <PlacementPanel app={a} canEdit={viewer === 'organization'} />}
        </aside>
      </div>
    </Page>
  );
}

function CandidateActions({ app }: { app: Application }) {
  const { t, label } = useI18n();
  const announce = useAnnounce();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const form = useFormErrors();
  const withdraw = useMoveApplication(
    app.id,
    reportingTo(form, {
      onSuccess: (a) => {
        setWithdrawing(false);
        announce(t('web.application.now_stage', { Stage: label('stage', a.stage) }));
      },
    }),
  );
  // The API lists the moves this reader may make; the stage rules live there only.
  // Accepting and declining an offer are on the offer itself (OfferSection).
  const canWithdraw = (app.next_stages ?? []).includes('withdrawn');
  if (!canWithdraw) return null;
  return (
    <div className="panel">
      <h2 className="panel__title">{t('web.application.actions')}</h2>
      <ErrorSummary form={form} />
      {withdrawing ? (
        <form
          className="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            withdraw.mutate({ kind: 'withdraw', reason });
          }}
        >
          <p>{t('web.application.withdraw_confirm')}</p>
          <TextArea name="reason" label={t('web.application.withdraw_reason')} optional={t('web.form.optional')} value={reason} onChange={(e) => setReason(e.target.value)} error={form.fields.reason} rows={3} maxLength={2000} autoFocus />
          <div className="actions">
            <button type="submit" className="button button--danger" disabled={withdraw.isPending}>
              {t('web.application.withdraw_yes')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setWithdrawing(false)}>
              {t('web.common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button--secondary button--block" onClick={() => setWithdrawing(true)}>
          {t('web.application.withdraw')}
        </button>
      )}
    </div>
  );
}

function OrganizationActions({ app }: { app: Application }) {
  const { t, label } = useI18n();
  const announce = useAnnounce();
  const reload = useReloadApplication();
  // An offer is made with its terms (OfferSection), not by a move.
  const next = plainMoves(app.next_stages);
  const [to, setTo] = useState<string>('');
  const [reason, setReason] = useState('');
  const [shareReason, setShareReason] = useState(false);
  const form = useFormErrors();
  const move = useMoveApplication(
    app.id,
    reportingTo(form, {
      onSuccess: (a) => {
        setTo('');
        setReason('');
        setShareReason(false);
        announce(t('web.application.now_stage', { Stage: label('stage', a.stage) }));
      },
    }),
  );
  if (next.length === 0) return null;
  return (
    <div className="panel">
      <h2 className="panel__title">{t('web.move.title')}</h2>
      <MutationForm
        className="stack"
        form={form}
        onSubmit={() => move.mutate({ kind: 'stage', to: to as Stage, reason, share_reason: shareReason })}
        summary={
          form.code === 'stage_changed' && (
            <button type="button" className="button button--secondary" onClick={() => reload(app)}>
              {t('web.common.reload')}
            </button>
          )
        }
      >
        <RadioGroup
          name="to"
          legend={t('web.move.to')}
          value={to}
          onChange={setTo}
          error={form.fields.to}
          options={next.map((s) => ({ value: s, label: label('stage', s) }))}
        />
        <TextArea
          name="reason"
          label={t('web.move.reason')}
          hint={t('web.move.reason_hint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={form.fields.reason}
          rows={4}
          maxLength={2000}
        />
        <CheckboxField
          name="share_reason"
          label={t('web.notify.share_reason')}
          hint={t('web.notify.share_reason_hint')}
          checked={shareReason}
          onChange={setShareReason}
          error={form.fields.share_reason}
        />
        <button type="submit" className="button button--primary button--block" disabled={move.isPending}>
          {move.isPending ? t('web.common.saving') : t('web.move.submit')}
        </button>
      </MutationForm>
    </div>
  );
}

function PlacementPanel({ app, canEdit }: { app: Application; canEdit: boolean }) {
  const placement = usePlacement(app.id, app.stage === 'placed');
  if (app.stage === 'accepted') {
    return canEdit ? <PlacementForm app={app} /> : null;
  }
  return (
    <QueryView query={placement} data={placement.data ?? null} noRetry>
      {(p) => p && <PlacementDetails placement={p} canEdit={canEdit} />}
    </QueryView>
  );
}

function PlacementDetails({ placement: p, canEdit }: { placement: Placement; canEdit: boolean }) {
  const { t, label, day } = useI18n();
  return (
    <div className="panel">
      <h2 className="panel__title">{t('web.placement.title')}</h2>
      <dl className="details details--stacked">
        <div>
          <dt>{t('web.placement.visa')}</dt>
          <dd>{label('visa', p.visa_status)}</dd>
        </div>
        <div>
          <dt>{t('web.placement.start')}</dt>
          <dd>{day(p.start_date)}</dd>
        </div>
        <div>
          <dt>{t('web.placement.arrived')}</dt>
          <dd>{p.arrived_on ? day(p.arrived_on) : t('web.placement.not_arrived')}</dd>
        </div>
      </dl>
      {canEdit && !p.arrived_on && <ArrivalForm placement={p} />}
    </div>
  );
}

function PlacementForm({ app }: { app: Application }) {
  const { t, label } = useI18n();
  const announce = useAnnounce();
  const [visa, setVisa] = useState('');
  const [start, setStart] = useState('');
  const form = useFormErrors();
  const record = useRecordPlacement(app.id, reportingTo(form, { onSuccess: () => announce(t('web.placement.recorded')) }));
  return (
    <div className="panel">
      <h2 className="panel__title">{t('web.placement.record_title')}</h2>
      <p>{t('web.placement.record_body')}</p>
      <MutationForm className="stack" form={form} onSubmit={() => record.mutate({ visa_status: visa as VisaStatus, start_date: start })}>
        <SelectField
          name="visa_status"
          label={t('web.placement.visa')}
          value={visa}
          onChange={(e) => setVisa(e.target.value)}
          error={form.fields.visa_status}
          options={[{ value: '', label: t('web.form.choose') }, ...visaStatusValues.map((v) => ({ value: v, label: label('visa', v) }))]}
        />
        <TextField name="start_date" type="date" label={t('web.placement.start')} value={start} onChange={(e) => setStart(e.target.value)} error={form.fields.start_date} />
        <button type="submit" className="button button--primary button--block" disabled={record.isPending}>
          {t('web.placement.record')}
        </button>
      </MutationForm>
    </div>
  );
}

function ArrivalForm({ placement }: { placement: Placement }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [day, setDay] = useState('');
  const form = useFormErrors();
  const arrive = useRecordArrival(placement.id, reportingTo(form, { onSuccess: () => announce(t('web.placement.arrival_recorded')) }));
  return (
    <MutationForm className="stack" form={form} onSubmit={() => arrive.mutate(day)}>
      <TextField name="arrived_on" type="date" label={t('web.placement.arrived_on')} hint={t('web.placement.arrived_on_hint')} value={day} onChange={(e) => setDay(e.target.value)} error={form.fields.arrived_on} />
      <button type="submit" className="button button--primary button--block" disabled={arrive.isPending}>
        {t('web.placement.record_arrival')}
      </button>
    </MutationForm>
  );
}

