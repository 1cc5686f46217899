import { useAnnounce } from '../../components/Announcer';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { useMarkAllRead } from '../../api/notifications';
import { reportingTo } from '../../forms/MutationForm';

/** MarkAllRead marks every notification read, announces it, and shows why if it could not. */
export function MarkAllRead({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const form = useFormErrors();
  const all = useMarkAllRead(reportingTo(form, { onSuccess: () => announce(t('web.notifications.marked_all')) }));
  return (
    <div className="mark-all">
      <ErrorSummary form={form} />
      <button type="button" className="button button--secondary" disabled={disabled || all.isPending} onClick={() => all.mutate()}>
        {all.isPending ? t('web.common.saving') : t('web.notifications.mark_all')}
      </button>
    </div>
  );
}
