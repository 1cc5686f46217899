import type { AccountRole } from '../../api/types';

/** allRoles is every kind of account: pages about one's own account are for all of them. */
export const allRoles: AccountRole[] = ['candidate', 'org_member', 'ministry', 'admin'];

/** staffRoles cannot erase their own accounts: an administrator disables them. */
export const staffRoles: AccountRole[] = ['ministry', 'admin'];
