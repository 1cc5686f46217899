import { useState } from 'react';
import { type Delivery, type NotificationKind, type Preferences, useNotificationPreferences, useSavePreferences } from '../../api/notifications';
import { deliveryValues, notificationKindValues } from '../../api/schema.gen';
import type { AccountKind, User } from '../../api/types';
import { useAnnounce } from '../../components/Announcer';
import { Page } from '../../components/Page';
import { RequireAccount } from '../account/RequireAccount';
import { Notice } from '../../components/Status';
import { RadioGroup } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';
import { AccountNav } from '../account/AccountNav';
import { allKinds } from '../account/kinds';
import '../account/account.css';
import { QueryView } from '../../components/QueryView';
import { MutationForm } from '../../forms/MutationForm';

/** NotificationSettings is where one chooses, per kind of notification, e-mail at once, a daily digest or the app only. */
export default function NotificationSettings() {
  return <RequireAccount kinds={allKinds}>{(user) => <SettingsPage user={user} />}</RequireAccount>;
}

const deliveryLabel: Record<Delivery, MessageKey> = {
  now: 'web.notify_prefs.now',
  digest: 'web.notify_prefs.digest',
  in_app: 'web.notify_prefs.in_app',
};

/**
 * kindsFor names the kinds of notification that can reach each kind of
 * account (whom talent's notices go to); choices about the others would only
 * puzzle the reader.
 */
const kindsFor: Record<AccountKind, readonly NotificationKind[]> = {
  candidate: ['stage_changed', 'offer_made', 'placement_recorded', 'arrival_confirmed', 'round_opened', 'round_closing', 'round_results', 'new_roles'],
  org_member: ['application_submitted', 'stage_changed', 'arrival_confirmed', 'round_opened', 'round_closing', 'round_results', 'organization_verified'],
  admin: ['organization_pending'],
  ministry: [],
};

/** kindsOf lists the kinds the API offers that reach the account, in the usual order (any kind unknown here last). */
export function kindsOf(prefs: Preferences, account: AccountKind): string[] {
  const all = notificationKindValues as readonly string[];
  const mine = kindsFor[account] as readonly string[];
  const known = all.filter((k) => k in prefs && mine.includes(k));
  return [...known, ...Object.keys(prefs).filter((k) => !all.includes(k))];
}

/** changesOf returns the choices of draft that differ from saved: the body of the PUT. */
export function changesOf(saved: Preferences, draft: Preferences): Preferences {
  return Object.fromEntries(Object.entries(draft).filter(([k, v]) => saved[k] !== v)) as Preferences;
}

function SettingsPage({ user }: { user: User }) {
  const { t } = useI18n();
  const prefs = useNotificationPreferences();
  return (
    <Page wide title={t('web.notify_prefs.title')} lead={<p>{t('web.notify_prefs.lead')}</p>}>
      <div className="account-layout">
        <AccountNav user={user} />
        <div className="account-layout__main">
          <p className="muted">{t('web.notify_prefs.email_to', { Email: user.email })}</p>
          <QueryView query={prefs} isEmpty={(p) => kindsOf(p, user.role).length === 0} empty={<p>{t('web.notify_prefs.none')}</p>}>
            {(p) => <PreferencesForm saved={p} account={user.role} />}
          </QueryView>
        </div>
      </div>
    </Page>
  );
}

/** PreferencesForm is one radio group per kind that reaches the account; Save sends only the kinds changed. */
export function PreferencesForm({ saved, account }: { saved: Preferences; account: AccountKind }) {
  const { t, has, label } = useI18n();
  const announce = useAnnounce();
  const form = useFormErrors();
  const [draft, setDraft] = useState<Preferences>(saved);
  const [done, setDone] = useState(false);
  const save = useSavePreferences({
    onSuccess: (prefs) => {
      form.clear();
      setDraft(prefs);
      setDone(true);
      announce(t('web.notify_prefs.saved'));
    },
    onError: (e) => {
      setDone(false);
      form.report(e);
    },
  });
  return (
    <MutationForm
      className="form prefs"
      form={form}
      onSubmit={() => {
        if (!save.isPending) save.mutate(changesOf(saved, draft));
      }}
    >
      {done && (
        <Notice tone="success">
          <p>{t('web.notify_prefs.saved')}</p>
        </Notice>
      )}
      {kindsOf(draft, account).map((kind) => (
        <div className="pref" key={kind}>
          <RadioGroup
            name={`preferences.${kind}`}
            legend={label('web.notify_kind', kind)}
            hint={has(`web.notify_desc.${kind}`) ? label('web.notify_desc', kind) : undefined}
            value={draft[kind] ?? ''}
            onChange={(v) => {
              setDone(false);
              setDraft((d) => ({ ...d, [kind]: v as Delivery }));
            }}
            error={form.fields[`preferences.${kind}`]}
            options={deliveryValues.map((d) => ({ value: d, label: t(deliveryLabel[d]) }))}
          />
        </div>
      ))}
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {save.isPending ? t('web.common.saving') : t('web.notify_prefs.save')}
      </button>
    </MutationForm>
  );
}
