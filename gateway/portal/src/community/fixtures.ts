// Answers shaped like the community service's web records (DiscussionController, ChallengeController,
// NotificationController), fed through the client's guards by the tests.
import type { Challenge, CommunityPage, DiscussionSummary, Feed, Leaderboard, Notification, Thread } from '../api/community';

export const discussionPage: CommunityPage<DiscussionSummary> = {
  items: [
    {
      discussionId: 'd-2', subject: { kind: 'COMPETENCY', id: 'c-test' }, title: 'How do you test a flaky job?',
      authorId: 'learner-2', authorName: 'Grace Learner', createdAt: '2026-11-30T09:00:00Z', lastActivityAt: '2026-12-05T10:00:00Z',
      replyCount: 2, answered: true,
    },
    {
      discussionId: 'd-1', subject: { kind: 'COMPETENCY', id: 'c-test' }, title: 'Mocks or fakes?',
      authorId: 'learner-1', authorName: 'Ada Learner', createdAt: '2026-11-20T09:00:00Z', lastActivityAt: '2026-11-21T10:00:00Z', replyCount: 0, answered: false,
    },
  ],
  page: 0,
  size: 10,
  total: 2,
};

export const thread: Thread = {
  discussionId: 'd-2',
  subject: { kind: 'COMPETENCY', id: 'c-test' },
  title: 'How do you test a flaky job?',
  authorId: 'learner-2',
  authorName: 'Grace Learner',
  createdAt: '2026-11-30T09:00:00Z',
  lastActivityAt: '2026-12-05T10:00:00Z',
  answerPostId: 'p-3',
  moderator: false,
  posts: [
    {
      postId: 'p-1', authorId: 'learner-2', authorName: 'Grace Learner', html: '<p>It fails <strong>one run in ten</strong>.</p>',
      markdown: 'It fails **one run in ten**.', mentions: [], createdAt: '2026-11-30T09:00:00Z',
      editedAt: '2026-11-30T09:30:00Z', edited: true, hidden: false, hiddenReason: null, reportCount: null,
    },
    {
      // Written by someone the service has no name for (erased, or a token without a name).
      postId: 'p-2', authorId: 'learner-3', authorName: null, html: null, markdown: null, mentions: [], createdAt: '2026-12-01T09:00:00Z',
      editedAt: null, edited: false, hidden: true, hiddenReason: null, reportCount: null,
    },
    {
      postId: 'p-3', authorId: 'learner-1', authorName: 'Ada Learner', html: '<p>Record the seed and replay it.</p>',
      markdown: 'Record the seed and replay it.', mentions: ['learner-2', 'learner-9'],
      mentioned: [{ personId: 'learner-2', name: 'Grace Learner' }, { personId: 'learner-9', name: null }], createdAt: '2026-12-05T10:00:00Z', editedAt: null, edited: false, hidden: false, hiddenReason: null,
      reportCount: null,
    },
  ],
};

/** The same discussion as a moderator reads it: hidden text, the reason and the reports. */
export const moderatedThread: Thread = {
  ...thread,
  moderator: true,
  posts: thread.posts.map((post) => post.postId === 'p-2'
    ? { ...post, html: '<p>Buy cheap watches</p>', markdown: 'Buy cheap watches', hiddenReason: 'spam', reportCount: 3 }
    : { ...post, reportCount: 0 }),
};

export const challenge: Challenge = {
  challengeId: 'ch-1',
  title: 'Everyone proficient in testing',
  groupKind: 'TEAM',
  groupId: 'team-1',
  goal: 'MEMBERS_AT_LEVEL',
  competencyIds: ['c-test'],
  level: 'PROFICIENT',
  target: 4,
  startsAt: '2026-11-01T00:00:00Z',
  endsAt: '2027-01-31T00:00:00Z',
  onLeaderboard: true,
  status: 'RUNNING',
  total: 3,
  contributions: [
    { learnerId: 'learner-1', count: 1 },
    { learnerId: 'learner-2', count: 1 },
    { learnerId: 'learner-3', count: 1 },
    { learnerId: 'learner-4', count: 0 },
  ],
  decidedAt: null,
};

export const leaderboard: Leaderboard = {
  entries: [
    { rank: 1, groupKind: 'TEAM', groupId: 'team-9', challengeId: 'ch-9', title: 'Review sprint', status: 'MET', total: 6, target: 6, share: 1 },
    { rank: 2, groupKind: 'TEAM', groupId: 'team-1', challengeId: 'ch-1', title: 'Everyone proficient in testing', status: 'RUNNING', total: 3, target: 4, share: 0.75 },
  ],
  hiddenGroups: 2,
  minimumGroupSize: 5,
};

export function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    notificationId: 'n-1',
    recipientId: 'learner-1',
    kind: 'REPLY',
    text: 'learner-2 replied to “Mocks or fakes?”',
    link: '/api/community/discussions/d-1',
    at: '2026-12-05T11:00:00Z',
    read: false,
    ...overrides,
  };
}

export const feed: Feed = {
  items: [
    notification(),
    notification({
      notificationId: 'n-0', kind: 'LEVEL_CHANGED', text: 'Your level in Automated testing is now Proficient',
      link: '/api/learners/learner-1/mastery/c-test', at: '2026-12-01T08:00:00Z', read: true,
    }),
  ],
  unreadCount: 1,
  page: 0,
  size: 20,
};
