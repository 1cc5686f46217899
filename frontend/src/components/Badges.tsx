import type { RoleStatus, Stage } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';

const stageTone: Record<Stage, string> = {
  submitted: 'neutral',
  screening: 'info',
  interview: 'info',
  offer: 'success',
  accepted: 'success',
  placed: 'success',
  rejected: 'danger',
  withdrawn: 'muted',
  declined: 'muted',
};

/** StageBadge shows an application's stage. */
export function StageBadge({ stage }: { stage: Stage }) {
  const { label } = useI18n();
  return <span className={`badge badge--${stageTone[stage] ?? 'neutral'}`}>{label('stage', stage)}</span>;
}

const statusTone: Record<RoleStatus, string> = { draft: 'muted', open: 'success', closed: 'neutral' };

/** RoleStatusBadge shows whether a role is a draft, open or closed. */
export function RoleStatusBadge({ status }: { status: RoleStatus }) {
  const { label } = useI18n();
  return <span className={`badge badge--${statusTone[status] ?? 'neutral'}`}>{label('role_status', status)}</span>;
}

/** VerifiedBadge shows whether an organisation has been verified. */
export function VerifiedBadge({ verified }: { verified: boolean }) {
  const { t } = useI18n();
  return verified ? (
    <span className="badge badge--success">{t('web.org.verified')}</span>
  ) : (
    <span className="badge badge--warning">{t('web.org.awaiting')}</span>
  );
}
