// Client of the community service (/api/community): discussions on a competency or an assessment, group
// challenges and their leaderboard, and the caller's notifications. Shapes follow the service's web records
// (DiscussionController, ChallengeController, NotificationController).
import { checked } from './learners';
import { getJson, postJson, putJson, seg } from './http';

const base = '/api/community';

// --- discussions ----------------------------------------------------------------------------------

export type SubjectKind = 'COMPETENCY' | 'ASSESSMENT';

export interface Subject {
  kind: SubjectKind;
  id: string;
}

export interface DiscussionSummary {
  discussionId: string;
  subject: Subject;
  title: string;
  authorId: string;
  /** The name the author last wrote under; null when the service has none (e.g. after erasure). */
  authorName?: string | null;
  createdAt: string;
  lastActivityAt: string;
  replyCount: number;
  answered: boolean;
}

export interface CommunityPage<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface Mention {
  personId: string;
  name: string | null;
}

/**
 * A post as the caller may see it. `html` is rendered and cleaned by the service (a safelist); `markdown` is the
 * author's text and is only ever shown as text. A hidden post carries neither, except for moderators.
 */
export interface Post {
  postId: string;
  authorId: string;
  /** The name the author last wrote under; null when the service has none (e.g. after erasure). */
  authorName?: string | null;
  html: string | null;
  markdown: string | null;
  mentions: string[];
  /** The people mentioned, with the name each last wrote under (null for someone who never wrote). */
  mentioned?: Mention[];
  createdAt: string;
  editedAt: string | null;
  edited: boolean;
  hidden: boolean;
  /** Moderators only. */
  hiddenReason: string | null;
  /** Moderators only. */
  reportCount: number | null;
}

export interface Thread {
  discussionId: string;
  subject: Subject;
  title: string;
  authorId: string;
  authorName?: string | null;
  createdAt: string;
  lastActivityAt: string;
  answerPostId: string | null;
  /** Whether the caller moderates this discussion (its unit's manager, or an admin). */
  moderator: boolean;
  /** In the order they were written; the first is the opening post. */
  posts: Post[];
}

/** An earlier text of a post, oldest first. */
export interface Revision {
  markdown: string;
  editorId: string;
  replacedAt: string;
}

export interface NewDiscussion {
  subjectKind: SubjectKind;
  subjectId: string;
  title: string;
  body: string;
  mentions: string[];
}

export interface Created {
  discussionId: string;
  postId: string;
}

// --- challenges -----------------------------------------------------------------------------------

export type GroupKind = 'TEAM' | 'UNIT';
export type ChallengeGoal = 'MEMBERS_AT_LEVEL' | 'MASTERED_COUNT';
export type ChallengeStatus = 'UPCOMING' | 'RUNNING' | 'MET' | 'MISSED';

export interface ChallengeContribution {
  learnerId: string;
  count: number;
}

export interface Challenge {
  challengeId: string;
  title: string;
  groupKind: GroupKind;
  groupId: string;
  goal: ChallengeGoal;
  competencyIds: string[];
  level: string | null;
  target: number;
  startsAt: string;
  endsAt: string;
  onLeaderboard: boolean;
  status: ChallengeStatus;
  total: number;
  /** One per member, ordered by learner id. */
  contributions: ChallengeContribution[];
  decidedAt: string | null;
}

export interface NewChallenge {
  title: string;
  groupKind: GroupKind;
  groupId: string;
  goal: ChallengeGoal;
  competencyIds: string[];
  level: string | null;
  target: number | null;
  startsAt: string | null;
  endsAt: string | null;
  onLeaderboard: boolean;
}

export interface LeaderboardEntry {
  rank: number;
  groupKind: GroupKind;
  groupId: string;
  challengeId: string;
  title: string;
  status: ChallengeStatus;
  total: number;
  target: number;
  share: number;
}

export interface Leaderboard {
  entries: LeaderboardEntry[];
  /** Groups left out for having fewer members than `minimumGroupSize`. */
  hiddenGroups: number;
  minimumGroupSize: number;
}

// --- notifications --------------------------------------------------------------------------------

export const NOTIFICATION_KINDS = [
  'LEVEL_CHANGED',
  'ATTEMPT_GRADED',
  'REPLY',
  'MENTION',
  'CHALLENGE_PROGRESSED',
  'CHALLENGE_ENDED',
  'MASTERY_EXPIRING',
  'PEER_RATING_REQUESTED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notification {
  notificationId: string;
  recipientId: string;
  kind: NotificationKind;
  text: string;
  /** The API resource it is about, e.g. /api/community/discussions/{id}; `portalLink` makes a page of it. */
  link: string | null;
  at: string;
  read: boolean;
}

export interface Feed {
  items: Notification[];
  unreadCount: number;
  page: number;
  size: number;
}

export interface NotificationSettings {
  muted: NotificationKind[];
}

// --- guards ---------------------------------------------------------------------------------------

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const optional = <T>(value: unknown, guard: (v: unknown) => v is T): boolean => value === null || value === undefined || guard(value);
const arrayOf = <T>(value: unknown, guard: (v: unknown) => v is T): value is T[] => Array.isArray(value) && value.every(guard);

const isSubject = (value: unknown): value is Subject => isObject(value) && isString(value.kind) && isString(value.id);

const isMention = (value: unknown): value is Mention => isObject(value) && isString(value.personId)
  && optional(value.name, isString);

export function isDiscussionSummary(value: unknown): value is DiscussionSummary {
  return isObject(value) && isString(value.discussionId) && isSubject(value.subject) && isString(value.title)
    && optional(value.authorName, isString)
    && isString(value.lastActivityAt) && isNumber(value.replyCount) && isBoolean(value.answered);
}

export function isDiscussionPage(value: unknown): value is CommunityPage<DiscussionSummary> {
  return isObject(value) && arrayOf(value.items, isDiscussionSummary) && isNumber(value.page) && isNumber(value.size)
    && isNumber(value.total);
}

export function isPost(value: unknown): value is Post {
  return isObject(value) && isString(value.postId) && isString(value.authorId) && optional(value.authorName, isString)
    && (value.mentioned === undefined || arrayOf(value.mentioned, isMention)) && optional(value.html, isString)
    && optional(value.markdown, isString) && isString(value.createdAt) && isBoolean(value.edited) && isBoolean(value.hidden)
    && optional(value.hiddenReason, isString) && optional(value.reportCount, isNumber);
}

export function isThread(value: unknown): value is Thread {
  return isObject(value) && isString(value.discussionId) && isSubject(value.subject) && isString(value.title)
    && optional(value.authorName, isString) && optional(value.answerPostId, isString) && isBoolean(value.moderator) && arrayOf(value.posts, isPost);
}

export function isRevision(value: unknown): value is Revision {
  return isObject(value) && isString(value.markdown) && isString(value.replacedAt);
}

export function isChallenge(value: unknown): value is Challenge {
  return isObject(value) && isString(value.challengeId) && isString(value.title) && isString(value.groupKind)
    && isString(value.groupId) && isString(value.goal) && arrayOf(value.competencyIds, isString)
    && optional(value.level, isString) && isNumber(value.target) && isString(value.startsAt) && isString(value.endsAt)
    && isString(value.status) && isNumber(value.total)
    && arrayOf(value.contributions, (c: unknown): c is ChallengeContribution =>
      isObject(c) && isString(c.learnerId) && isNumber(c.count));
}

export function isLeaderboard(value: unknown): value is Leaderboard {
  return isObject(value) && isNumber(value.hiddenGroups) && isNumber(value.minimumGroupSize)
    && arrayOf(value.entries, (e: unknown): e is LeaderboardEntry => isObject(e) && isNumber(e.rank)
      && isString(e.groupId) && isString(e.challengeId) && isString(e.title) && isString(e.status)
      && isNumber(e.total) && isNumber(e.target) && isNumber(e.share));
}

export function isNotification(value: unknown): value is Notification {
  return isObject(value) && isString(value.notificationId) && isString(value.kind) && isString(value.text)
    && optional(value.link, isString) && isString(value.at) && isBoolean(value.read);
}

export function isFeed(value: unknown): value is Feed {
  return isObject(value) && arrayOf(value.items, isNotification) && isNumber(value.unreadCount);
}

export function isNotificationSettings(value: unknown): value is NotificationSettings {
  return isObject(value) && arrayOf(value.muted, isString);
}

// --- links ----------------------------------------------------------------------------------------

/** The portal page for a notification's API link; undefined when the portal has none. */
export function portalLink(link: string | null | undefined): string | undefined {
  if (!link) {
    return undefined;
  }
  const discussion = /^\/api\/community\/discussions\/([^/?#]+)$/.exec(link);
  if (discussion) {
    return `/discussions/${discussion[1]}`;
  }
  const challenge = /^\/api\/community\/challenges\/([^/?#]+)$/.exec(link);
  if (challenge) {
    return `/challenges#challenge-${challenge[1]}`;
  }
  const mastery = /^\/api\/learners\/[^/?#]+\/mastery\/([^/?#]+)$/.exec(link);
  if (mastery) {
    return `/me/competencies/${mastery[1]}`;
  }
  const attempt = /^\/api\/assessments\/attempts\/([^/?#]+)$/.exec(link);
  if (attempt) {
    return `/me/attempts/${attempt[1]}`;
  }
  return undefined;
}

// --- calls ----------------------------------------------------------------------------------------

export interface DiscussionQuery {
  subjectKind?: SubjectKind;
  subjectId?: string;
  q?: string;
  /** From 0. */
  page: number;
  size: number;
}

export const communityApi = {
  discussions: async (query: DiscussionQuery, signal?: AbortSignal) =>
    checked(await getJson<unknown>(`${base}/discussions`, { ...query }, signal), isDiscussionPage, 'list of discussions'),
  discussion: async (discussionId: string, signal?: AbortSignal) =>
    checked(await getJson<unknown>(`${base}/discussions/${seg(discussionId)}`, undefined, signal), isThread, 'discussion'),
  history: async (discussionId: string, postId: string, signal?: AbortSignal) =>
    checked(await getJson<unknown>(`${base}/discussions/${seg(discussionId)}/posts/${seg(postId)}/history`, undefined, signal),
      (v: unknown): v is Revision[] => arrayOf(v, isRevision), 'post history'),
  start: (body: NewDiscussion) => postJson<Created>(`${base}/discussions`, body),
  reply: (discussionId: string, body: string) =>
    postJson<Created>(`${base}/discussions/${seg(discussionId)}/replies`, { body, mentions: [] }),
  edit: (discussionId: string, postId: string, body: string) =>
    putJson<void>(`${base}/discussions/${seg(discussionId)}/posts/${seg(postId)}`, { body, mentions: [] }),
  markAnswer: (discussionId: string, postId: string) =>
    postJson<void>(`${base}/discussions/${seg(discussionId)}/answer`, { postId }),
  report: (discussionId: string, postId: string, reason: string) =>
    postJson<void>(`${base}/discussions/${seg(discussionId)}/posts/${seg(postId)}/reports`, { reason: reason || null }),
  hide: (discussionId: string, postId: string, reason: string) =>
    postJson<void>(`${base}/discussions/${seg(discussionId)}/posts/${seg(postId)}/hide`, { reason }),

  challenges: async (signal?: AbortSignal) =>
    checked(await getJson<unknown>(`${base}/challenges`, undefined, signal),
      (v: unknown): v is Challenge[] => arrayOf(v, isChallenge), 'list of challenges'),
  startChallenge: (body: NewChallenge) => postJson<{ challengeId: string }>(`${base}/challenges`, body),
  leaderboard: async (signal?: AbortSignal) =>
    checked(await getJson<unknown>(`${base}/leaderboard`, undefined, signal), isLeaderboard, 'leaderboard'),

  feed: async (page: number, size: number, signal?: AbortSignal) =>
    checked(await getJson<unknown>(`${base}/notifications`, { page, size }, signal), isFeed, 'notification feed'),
  markRead: (notificationId: string) => postJson<void>(`${base}/notifications/${seg(notificationId)}/read`),
  markAllRead: () => postJson<void>(`${base}/notifications/read-all`),
  settings: async (signal?: AbortSignal) =>
    checked(await getJson<unknown>(`${base}/notifications/settings`, undefined, signal), isNotificationSettings,
      'notification settings'),
  saveSettings: async (muted: NotificationKind[]) =>
    checked(await putJson<unknown>(`${base}/notifications/settings`, { muted }), isNotificationSettings,
      'notification settings'),
};

/** Where the live notifications come from (Server-Sent Events, same origin, the session cookie). */
export const NOTIFICATION_STREAM = `${base}/notifications/stream`;
