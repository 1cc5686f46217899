// The candidate's own profile.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, type Handlers, unwrap } from './client';
import { keys } from './keys';
import type { OwnProfile, ProfileRequest } from './types';

/** useProfile loads the signed-in candidate's profile. */
export function useProfile() {
  return useQuery({ queryKey: keys.profile, queryFn: () => unwrap(client.GET('/api/v1/me/profile')) });
}

/** useSaveProfile saves the whole profile; the user (whose name may change) is read again. */
export function useSaveProfile(h: Handlers<OwnProfile, ProfileRequest> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileRequest) => unwrap(client.PUT('/api/v1/me/profile', { body })),
    onSuccess: (p, v) => {
      qc.setQueryData(keys.profile, p);
      void qc.invalidateQueries({ queryKey: keys.me });
      return h.onSuccess?.(p, v);
    },
    onError: h.onError,
  });
}
