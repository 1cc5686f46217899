import type { Role } from '../api/types';
import { emptyRole, roleContentOf } from '../features/roles/roleDraft';

/** storedRole is a draft role as the API returns it (the editor's empty state with an English title), with `changes`. */
export function storedRole(changes: Partial<Role> = {}): Role {
  return {
    ...roleContentOf(emptyRole),
    id: 9,
    organization_id: 4,
    status: 'draft',
    display: { language: 'en', fallback: false, title: 'ML', description: '' },
    title: { en: 'ML', ja: '', hi: '' },
    description: { en: 'Build', ja: '', hi: '' },
    prefecture: 'osaka',
    published_at: null,
    created_at: '2026-11-01T00:00:00Z',
    updated_at: '2026-11-01T00:00:00Z',
    ...changes,
  } as unknown as Role;
}
