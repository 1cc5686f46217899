// TanStack Query hooks for the bell's unread count, the list of
// notifications, the notification settings and saved role searches. Every
// key starts with 'notifications', 'notification-preferences' or
// 'saved-searches', so that one invalidation refreshes the bell and the list.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/I18nProvider';
import { client, unwrap, type Schemas } from './client';
import { pageSize, type RoleFilters } from './queries';

export type Notification = Schemas['Notification'];
export type NotificationKind = Schemas['NotificationKind'];
export type Delivery = Schemas['Delivery'];
export type Preferences = Schemas['NotificationPreferences']['preferences'];
export type SearchFilters = Schemas['SearchFilters'];
export type SavedSearch = Schemas['SavedSearch'];
export type Frequency = SavedSearch['frequency'];

/** unreadCountKey is the bell's query: refreshed by polling, on focus and after anything is marked read. */
export const unreadCountKey = ['notifications', 'unread-count'] as const;

/** How often the bell asks for the unread count while the page is visible. */
export const unreadPollMs = 30_000;

/** useUnreadCount polls how many of the user's notifications are unread (only while enabled). */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: unreadCountKey,
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
    queryKey: ['notifications', lang, unreadOnly ? 'unread' : 'all'],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET('/api/v1/me/notifications', {
          params: { query: { limit: pageSize, unread: unreadOnly || undefined, cursor: pageParam || undefined } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor || undefined,
    staleTime: 0,
  });
}

/** useNotificationPreferences loads how the user hears of each kind of notification. */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: ['notification-preferences'],
    queryFn: async () => (await unwrap(client.GET('/api/v1/me/notification-preferences'))).preferences,
    staleTime: 0,
  });
}

/** useSavedSearches pages through the candidate's saved role searches, newest first. */
export function useSavedSearches() {
  return useInfiniteQuery({
    queryKey: ['saved-searches'],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      unwrap(client.GET('/api/v1/me/saved-searches', { params: { query: { limit: pageSize, cursor: pageParam || undefined } } })),
    getNextPageParam: (last) => last.next_cursor || undefined,
    staleTime: 0,
  });
}

/** searchFiltersOf turns the role search's filters (strings from the address) into a saved search's typed filters. */
export function searchFiltersOf(f: RoleFilters): SearchFilters {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === '') continue;
    out[k] = k === 'remote' ? v === 'true' : k === 'min_salary' ? Number(v) : v;
  }
  return out as SearchFilters;
}

/** rolesSearchOf writes saved filters as the query string the role search page reads (/roles?…). */
export function rolesSearchOf(f: SearchFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  return params.toString();
}
