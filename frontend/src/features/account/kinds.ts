import type { AccountKind } from '../../api/types';

/** allKinds is every kind of account: pages about one's own account are for all of them. */
export const allKinds: AccountKind[] = ['candidate', 'org_member', 'ministry', 'admin'];

/** staffKinds cannot erase their own accounts: an administrator disables them. */
export const staffKinds: AccountKind[] = ['ministry', 'admin'];
