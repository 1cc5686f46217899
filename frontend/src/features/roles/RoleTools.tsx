import { Link } from 'react-router';
import type { Role } from '../../api/types';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { useFormErrors } from '../../forms/useFormErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { useAnnounce } from '../../components/Announcer';
import { useRoleStatus } from '../../api/roles';
import { reportingTo } from '../../forms/MutationForm';

/** RoleTools are an organisation member's actions on a role: edit (unless editing), applicants, publish or close. */
export function RoleTools({ role, compact, editing }: { role: Role; compact?: boolean; editing?: boolean }) {
  const { t, label } = useI18n();
  const announce = useAnnounce();
  const form = useFormErrors();
  const change = useRoleStatus(
    role.id,
    reportingTo(form, { onSuccess: (updated) => announce(t('web.role_tools.now', { Status: label('role_status', updated.status) })) }),
  );
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
