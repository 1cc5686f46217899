// The query keys, in one place. Each key starts with what it is about;
// localized answers (labels, role text, error details) carry the UI language
// next, so switching language refetches exactly those. An `all` key is the
// prefix of every key of its kind: invalidating it refreshes all of them.
import type { BreakdownDimension, RoleType, Stage } from './types';

type Lang = string;

export const keys = {
  me: ['me'] as const,
  profile: ['profile'] as const,

  roles: {
    all: ['roles'] as const,
    search: (lang: Lang, filters: object, limit: number) => ['roles', lang, filters, limit] as const,
  },
  role: {
    all: ['role'] as const,
    one: (lang: Lang, id: number | undefined) => ['role', lang, id] as const,
  },

  myApplications: {
    all: ['my-applications'] as const,
    list: (lang: Lang) => ['my-applications', lang] as const,
  },
  application: {
    all: ['application'] as const,
    one: (lang: Lang, id: number | undefined) => ['application', lang, id] as const,
  },
  roleApplications: {
    all: ['role-applications'] as const,
    newest: (lang: Lang, roleId: number | undefined, stage: Stage | undefined) => ['role-applications', lang, roleId, stage ?? ''] as const,
    byMatch: (lang: Lang, roleId: number | undefined, stage: Stage | undefined) =>
      ['role-applications', lang, roleId, stage ?? '', 'match'] as const,
  },
  offers: {
    all: ['offers'] as const,
    list: (lang: Lang, applicationId: number | undefined) => ['offers', lang, applicationId] as const,
  },
  placement: {
    all: ['placement'] as const,
    one: (lang: Lang, applicationId: number | undefined) => ['placement', lang, applicationId] as const,
  },

  myOrganizations: {
    all: ['my-organizations'] as const,
    list: (lang: Lang) => ['my-organizations', lang] as const,
  },
  organizationRoles: {
    all: ['organization-roles'] as const,
    list: (lang: Lang, orgId: number | undefined) => ['organization-roles', lang, orgId] as const,
  },
  organizations: {
    all: ['organizations'] as const,
    unverified: (lang: Lang) => ['organizations', lang, 'unverified'] as const,
  },
  ownRoleIds: (orgIds: number[] | undefined) => ['own-role-ids', orgIds] as const,

  skills: (lang: Lang, q: string) => ['skills', lang, q] as const,
  skillLabel: (lang: Lang, slug: string) => ['skill-label', lang, slug] as const,
  recommendations: (lang: Lang, type: RoleType | undefined, limit: number) => ['recommendations', lang, type ?? '', limit] as const,
  roleRecommendations: (lang: Lang, roleId: number | undefined, limit: number) => ['role-recommendations', lang, roleId, limit] as const,
  myHsp: (lang: Lang, roleId: number) => ['my-hsp', lang, roleId] as const,

  rounds: {
    all: ['rounds'] as const,
    list: (lang: Lang) => ['rounds', lang] as const,
  },
  round: {
    all: ['round'] as const,
    one: (lang: Lang, id: number | undefined) => ['round', lang, id] as const,
  },
  roundResults: (lang: Lang, id: number) => ['round-results', lang, id] as const,
  myRanking: (roundId: number) => ['round-ranking', roundId] as const,
  roleRanking: (lang: Lang, roundId: number, roleId: number) => ['role-round-ranking', lang, roundId, roleId] as const,

  goal: {
    all: ['dashboard-goal'] as const,
    one: (lang: Lang) => ['dashboard-goal', lang] as const,
  },
  breakdown: {
    all: ['dashboard-breakdown'] as const,
    one: (lang: Lang, by: BreakdownDimension, from: string, to: string) => ['dashboard-breakdown', lang, by, from, to] as const,
  },
  goalDefinition: ['goal-definition'] as const,
  publicProgress: (lang: Lang) => ['public-progress', lang] as const,

  notifications: {
    /** The bell's count and the list share this prefix, so one invalidation refreshes both. */
    all: ['notifications'] as const,
    unreadCount: ['notifications', 'unread-count'] as const,
    list: (lang: Lang, unreadOnly: boolean) => ['notifications', lang, unreadOnly ? 'unread' : 'all'] as const,
  },
  notificationPreferences: ['notification-preferences'] as const,
  savedSearches: ['saved-searches'] as const,

  secondFactor: {
    all: ['second-factor'] as const,
    one: (lang: Lang) => ['second-factor', lang] as const,
  },
  sessions: {
    all: ['sessions'] as const,
    list: (lang: Lang) => ['sessions', lang] as const,
  },
  consents: {
    all: ['consents'] as const,
    one: (lang: Lang) => ['consents', lang] as const,
  },
  profileViews: (lang: Lang) => ['profile-views', lang] as const,
  adminUsers: {
    all: ['admin-users'] as const,
    list: (lang: Lang, email: string) => ['admin-users', lang, email] as const,
  },
  audit: (lang: Lang) => ['audit', lang] as const,
};
