import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client';
import { useAnnounce } from '../../components/Announcer';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';

/** MarkAllRead marks every notification read, announces it, and shows why if it could not. */
export function MarkAllRead({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const form = useFormErrors();
  const all = useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/me/notifications/read-all')),
    onSuccess: () => {
      form.clear();
      announce(t('web.notifications.marked_all'));
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    },
    onError: form.report,
  });
  return (
    <div className="mark-all">
      <ErrorSummary form={form} />
      <button type="button" className="button button--secondary" disabled={disabled || all.isPending} onClick={() => all.mutate()}>
        {all.isPending ? t('web.common.saving') : t('web.notifications.mark_all')}
      </button>
    </div>
  );
}
