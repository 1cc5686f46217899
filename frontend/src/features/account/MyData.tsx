import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { User } from '../../api/types';
import { useForgetUser } from './session';
import { useAnnounce } from '../../components/Announcer';
import { Page } from '../../components/Page';
import { RequireAccount } from './RequireAccount';
import { Notice } from '../../components/Status';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { CheckboxField, TextField } from '../../forms/fields';
import { MutationForm } from '../../forms/MutationForm';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { filenameOf, saveFile } from './download';
import { AccountNav } from './AccountNav';
import { allKinds, staffKinds } from './kinds';
import './account.css';
import { useErase, useExport } from '../../api/account';

/** MyData is "your data": download everything held about me, or erase the account. */
export default function MyData() {
  return <RequireAccount kinds={allKinds}>{(user) => <DataPage user={user} />}</RequireAccount>;
}

function DataPage({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <Page wide title={t('web.data.title')} lead={<p>{t('web.data.lead')}</p>}>
      <div className="account-layout">
        <AccountNav user={user} />
        <div className="account-layout__main">
          <Export />
          {staffKinds.includes(user.role) ? (
            <section className="panel" aria-labelledby="erase-title">
              <h2 id="erase-title" className="panel__title">
                {t('web.data.erase_title')}
              </h2>
              <p>{t('web.data.erase_staff')}</p>
            </section>
          ) : (
            <Erase user={user} />
          )}
        </div>
      </div>
    </Page>
  );
}

function Export() {
  const { t } = useI18n();
  const announce = useAnnounce();
  const form = useFormErrors();
  const [done, setDone] = useState(false);
  const download = useExport({
    onSuccess: ({ blob, disposition }) => {
      const name = filenameOf(disposition) ?? 'setubashi-export.json';
      saveFile(blob, name);
      setDone(true);
      form.clear();
      announce(t('web.data.exported', { File: String(name) }));
    },
    onError: form.report,
  });
  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title" className="panel__title">
        {t('web.data.export_title')}
      </h2>
      <p>{t('web.data.export_lead')}</p>
      <ul className="plain-list">
        <li>{t('web.data.export_account')}</li>
        <li>{t('web.data.export_activity')}</li>
        <li>{t('web.data.export_security')}</li>
      </ul>
      <ErrorSummary form={form} />
      {done && (
        <Notice tone="success">
          <p>{t('web.data.export_done')}</p>
        </Notice>
      )}
      <button type="button" className="button button--primary" disabled={download.isPending} onClick={() => download.mutate()}>
        {download.isPending ? t('web.data.preparing') : t('web.data.export')}
      </button>
    </section>
  );
}

function Erase({ user }: { user: User }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const forget = useForgetUser();
  const form = useFormErrors();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [sure, setSure] = useState(false);
  const [unsure, setUnsure] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) startRef.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const erase = useErase({
    onSuccess: async () => {
      await navigate('/account/deleted', { replace: true });
      forget();
    },
    onError: form.report,
  });
  return (
    <section className="panel danger-zone" aria-labelledby="erase-title">
      <h2 id="erase-title" className="panel__title">
        {t('web.data.erase_title')}
      </h2>
      <p>{t('web.data.erase_lead')}</p>
      <div className="grid-2 erase__what">
        <div>
          <h3>{t('web.data.erase_gone_title')}</h3>
          <p>{user.role === 'candidate' ? t('web.data.erase_gone_candidate') : t('web.data.erase_gone_member')}</p>
        </div>
        <div>
          <h3>{t('web.data.erase_kept_title')}</h3>
          <p>{t('web.data.erase_kept')}</p>
        </div>
      </div>
      <p>{t('web.data.erase_export_first')}</p>
      {!open ? (
        <button ref={startRef} type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('web.data.erase_start')}
        </button>
      ) : (
        <MutationForm
          className="form form--narrow subform"
          aria-labelledby="erase-confirm-title"
          form={form}
          onSubmit={() => {
            if (!sure) {
              setUnsure(true);
              document.getElementById('field-erase_sure')?.focus();
              return;
            }
            if (!erase.isPending) erase.mutate(password);
          }}
          before={<h3 id="erase-confirm-title">{t('web.data.erase_confirm_title')}</h3>}
        >
          <TextField
            name="password"
            type="password"
            label={t('web.data.erase_password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={form.fields.password}
            required
            autoFocus
          />
          <CheckboxField
            name="erase_sure"
            label={t('web.data.erase_sure')}
            checked={sure}
            onChange={(v) => {
              setSure(v);
              if (v) setUnsure(false);
            }}
            error={unsure ? t('web.data.erase_sure_required') : undefined}
          />
          <div className="actions">
            <button type="submit" className="button button--danger" disabled={erase.isPending}>
              {erase.isPending ? t('web.common.sending') : t('web.data.erase_submit')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setOpen(false);
                setPassword('');
                setSure(false);
                setUnsure(false);
                form.clear();
              }}
            >
              {t('web.common.cancel')}
            </button>
          </div>
        </MutationForm>
      )}
    </section>
  );
}
