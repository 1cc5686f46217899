import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { client, unwrap } from '../../api/client';
import type { Role } from '../../api/types';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { useAnnounce } from '../../components/Announcer';

/** RoleTools are an organisation member's actions on a role: edit (unless editing), applicants, publish or close. */
export function RoleTools({ role, compact, editing }: { role: Role; compact?: boolean; editing?: boolean }) {
  const { t, label } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const form = useFormErrors();
  const change = useMutation({
    mutationFn: (action: 'publish' | 'close') =>
      unwrap(
        action === 'publish'
          ? client.POST('/api/v1/roles/{id}/publish', { params: { path: { id: role.id } } })
          : client.POST('/api/v1/roles/{id}/close', { params: { path: { id: role.id } } }),
      ),
    onSuccess: (updated) => {
      form.clear();
      void qc.invalidateQueries({ queryKey: ['role'] });
      void qc.invalidateQueries({ queryKey: ['organization-roles'] });
      void qc.invalidateQueries({ queryKey: ['roles'] });
      announce(t('web.role_tools.now', { Status: label('role_status', updated.status) }));
    },
    onError: form.report,
  });
  return (
    <div className={compact ? 'role-tools role-tools--compact' : 'role-tools'}>
      <ErrorSummary form={form} />
      <div className="actions">
        {role.status !== 'closed' && !editing && (
          <Link className="button button--secondary" to={`/organization/roles/${role.id}/edit`}>
            {t('web.role_tools.edit')}
          </Link>
        )}
        <Link className="button button--secondary" to={`/organization/roles/${role.id}/applicants`}>
          {t('web.role_tools.applicants')}
        </Link>
        {role.status === 'open' ? (
          <button type="button" className="button button--secondary" disabled={change.isPending} onClick={() => change.mutate('close')}>
            {t('web.role_tools.close')}
          </button>
        ) : (
          <button type="button" className="button button--primary" disabled={change.isPending} onClick={() => change.mutate('publish')}>
            {role.status === 'closed' ? t('web.role_tools.reopen') : t('web.role_tools.publish')}
          </button>
        )}
      </div>
    </div>
  );
}
