import { Link } from 'react-router';
import type { Round } from '../../api/rounds';
import type { Role } from '../../api/types';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/I18nProvider';

const tone: Record<Round['status'], string> = { draft: 'muted', open: 'info', completed: 'success' };

/** RoundStatusBadge shows whether a round is a draft, open for rank lists, or completed. */
export function RoundStatusBadge({ status }: { status: Round['status'] }) {
  const { t } = useI18n();
  return <span className={`badge badge--${tone[status]}`}>{t(`web.rounds.status_${status}` as MessageKey)}</span>;
}

/** RoleLink names a role by its title in the reader's language (its number while loading). */
export function RoleLink({ id, role }: { id: number; role: Role | undefined }) {
  const { t } = useI18n();
  return role ? (
    <Link to={`/roles/${id}`} lang={role.display.language}>
      {role.display.title}
    </Link>
  ) : (
    <Link to={`/roles/${id}`}>{t('web.rounds.role_n', { N: String(id) })}</Link>
  );
}
