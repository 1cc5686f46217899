// Notifications: the bell's unread count, the list, marking read, how each
// kind is sent, and one-click unsubscribe from an e-mail.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nProvider';
import { client, type Handlers, type Schemas, unwrap } from './client';
import { keys } from './keys';
import { nextCursor, pageSize } from './roles';

export type Notification = Schemas['Notification'];
export type NotificationKind = Schemas['NotificationKind'];
export type Delivery = Schemas['Delivery'];
export type Preferences = Schemas['NotificationPreferences']['preferences'];

/** How often the bell asks for the unread count while the page is visible. */
export const unreadPollMs = 30_000;

/** useUnreadCount polls how many of the user's notifications are unread (only while enabled). */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: keys.notifications.unreadCount,
    queryFn: async () => (await unwrap(client.GET('/api/v1/me/notifications/unread-count'))).unread,
    enabled,
    staleTime: 0,
    refetchInterval: unreadPollMs,
    refetchOnWindowFocus: true,
  });
}

/** useNotifications pages through the user's notifications, newest first, in the reader's language. */
export function useNotifications(unreadOnly: boolean) {
  const { lang } = useI18n();
  return useInfiniteQuery({
    queryKey: keys.notifications.list(lang, unreadOnly),
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/me/notifications', {
          params: { query: { limit: pageSize, unread: unreadOnly || undefined, cursor: pageParam || undefined } },
        }),
      ),
    getNextPageParam: nextCursor,
    staleTime: 0,
  });
}

/** useNotificationPreferences loads how the user hears of each kind of notification. */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: keys.notificationPreferences,
    queryFn: async () => (await unwrap(client.GET('/api/v1/me/notification-preferences'))).preferences,
    staleTime: 0,
  });
}

/** useRefreshNotifications reads the bell's count and the list again (after something was marked read). */
export function useRefreshNotifications() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: keys.notifications.all });
}

/** markRead marks one notification read. */
export function markRead(id: number): Promise<unknown> {
  return unwrap(client.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } }));
}

/** useMarkAllRead marks every notification read. */
export function useMarkAllRead(h: Handlers<unknown> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/me/notifications/read-all')),
    onSuccess: (r, v) => {
      const out = h.onSuccess?.(r, v);
      void qc.invalidateQueries({ queryKey: keys.notifications.all });
      return out;
    },
    onError: h.onError,
  });
}

/** useSavePreferences saves the choices that changed and returns every kind's choice. */
export function useSavePreferences(h: Handlers<Preferences, Preferences> = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (changes: Preferences) =>
      (await unwrap(client.PUT('/api/v1/me/notification-preferences', { body: { preferences: changes } }))).preferences,
    onSuccess: (prefs, v) => {
      qc.setQueryData(keys.notificationPreferences, prefs);
      return h.onSuccess?.(prefs, v);
    },
    onError: h.onError,
  });
}

/** useUnsubscribe turns off the kind of e-mail an unsubscribe link names (no sign-in needed). */
export function useUnsubscribe(token: string, h: Handlers<Schemas['Unsubscribed']> = {}) {
  return useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/unsubscribe', { params: { query: { token } } })),
    onSuccess: h.onSuccess,
    onError: h.onError,
  });
}
