import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  communityApi, NOTIFICATION_STREAM, type DiscussionQuery, type Feed, type NewChallenge, type NewDiscussion,
  type Notification, type NotificationKind,
} from '../api/community';
import { openNotificationStream, type StreamStatus } from './notificationStream';

/** The bell shows this many of the newest notifications. */
export const FEED_SIZE = 20;
/** Without a live stream, the feed is asked again this often. */
export const FEED_POLL_MS = 60_000;

export const communityKeys = {
  all: ['community'] as const,
  discussions: ['community', 'discussions'] as const,
  discussionList: (query: DiscussionQuery) => ['community', 'discussions', 'list', query] as const,
  discussion: (discussionId: string) => ['community', 'discussions', 'thread', discussionId] as const,
  history: (discussionId: string, postId: string) => ['community', 'discussions', 'history', discussionId, postId] as const,
  challenges: ['community', 'challenges'] as const,
  leaderboard: ['community', 'leaderboard'] as const,
  feed: ['community', 'notifications', 'feed'] as const,
  settings: ['community', 'notifications', 'settings'] as const,
};

// --- discussions ----------------------------------------------------------------------------------

export function useDiscussions(query: DiscussionQuery) {
  return useQuery({
    queryKey: communityKeys.discussionList(query),
    queryFn: ({ signal }) => communityApi.discussions(query, signal),
    placeholderData: (previous) => previous,
  });
}

export function useThread(discussionId: string) {
  return useQuery({
    queryKey: communityKeys.discussion(discussionId),
    queryFn: ({ signal }) => communityApi.discussion(discussionId, signal),
  });
}

export function useHistory(discussionId: string, postId: string, enabled: boolean) {
  return useQuery({
    queryKey: communityKeys.history(discussionId, postId),
    queryFn: ({ signal }) => communityApi.history(discussionId, postId, signal),
    enabled,
  });
}

/** After a write the thread and the lists (reply counts, newest activity) are read again. */
function useDiscussionChanged() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: communityKeys.discussions });
}

export function useStartDiscussion() {
  const changed = useDiscussionChanged();
  return useMutation({ mutationFn: (body: NewDiscussion) => communityApi.start(body), onSuccess: changed });
}

export function useReply(discussionId: string) {
  const changed = useDiscussionChanged();
  return useMutation({ mutationFn: (body: string) => communityApi.reply(discussionId, body), onSuccess: changed });
}

export function useEditPost(discussionId: string, postId: string) {
  const changed = useDiscussionChanged();
  return useMutation({ mutationFn: (body: string) => communityApi.edit(discussionId, postId, body), onSuccess: changed });
}

export function useMarkAnswer(discussionId: string) {
  const changed = useDiscussionChanged();
  return useMutation({ mutationFn: (postId: string) => communityApi.markAnswer(discussionId, postId), onSuccess: changed });
}

export function useReport(discussionId: string, postId: string) {
  const changed = useDiscussionChanged();
  return useMutation({ mutationFn: (reason: string) => communityApi.report(discussionId, postId, reason), onSuccess: changed });
}

export function useHide(discussionId: string, postId: string) {
  const changed = useDiscussionChanged();
  return useMutation({ mutationFn: (reason: string) => communityApi.hide(discussionId, postId, reason), onSuccess: changed });
}

// --- challenges -----------------------------------------------------------------------------------

export function useChallenges() {
  return useQuery({ queryKey: communityKeys.challenges, queryFn: ({ signal }) => communityApi.challenges(signal) });
}

export function useLeaderboard() {
  return useQuery({ queryKey: communityKeys.leaderboard, queryFn: ({ signal }) => communityApi.leaderboard(signal) });
}

export function useStartChallenge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewChallenge) => communityApi.startChallenge(body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: communityKeys.challenges });
      void client.invalidateQueries({ queryKey: communityKeys.leaderboard });
    },
  });
}

// --- notifications --------------------------------------------------------------------------------

export function useFeed(live: boolean) {
  return useQuery({
    queryKey: communityKeys.feed,
    queryFn: ({ signal }) => communityApi.feed(0, FEED_SIZE, signal),
    staleTime: live ? Infinity : FEED_POLL_MS,
    refetchInterval: live ? false : FEED_POLL_MS,
  });
}

/** A notification from the stream, put into the cached feed: newest first, counted once, at most one page. */
export function withNotification(feed: Feed | undefined, notification: Notification): Feed | undefined {
  if (!feed) {
    return feed;
  }
  if (feed.items.some((item) => item.notificationId === notification.notificationId)) {
    return feed;
  }
  return {
    ...feed,
    items: [notification, ...feed.items].slice(0, Math.max(feed.size, FEED_SIZE)),
    unreadCount: feed.unreadCount + (notification.read ? 0 : 1),
  };
}

/** The cached feed with read marks set: one notification, or all when `notificationId` is undefined. */
export function withRead(feed: Feed | undefined, notificationId?: string): Feed | undefined {
  if (!feed) {
    return feed;
  }
  if (notificationId === undefined) {
    return { ...feed, items: feed.items.map((item) => ({ ...item, read: true })), unreadCount: 0 };
  }
  const target = feed.items.find((item) => item.notificationId === notificationId);
  if (!target || target.read) {
    return feed;
  }
  return {
    ...feed,
    items: feed.items.map((item) => (item === target ? { ...item, read: true } : item)),
    unreadCount: Math.max(0, feed.unreadCount - 1),
  };
}

/** What else a notification changes: the pages it is about are read again. */
function refreshAbout(client: QueryClient, notification: Notification) {
  switch (notification.kind) {
    case 'CHALLENGE_PROGRESSED':
    case 'CHALLENGE_ENDED':
      void client.invalidateQueries({ queryKey: communityKeys.challenges });
      void client.invalidateQueries({ queryKey: communityKeys.leaderboard });
      break;
    case 'REPLY':
    case 'MENTION':
      void client.invalidateQueries({ queryKey: communityKeys.discussions });
      break;
    default:
      break;
  }
}

/**
 * Keeps the feed live while `enabled` (the feed answered, so the service is there): each notification of the stream
 * goes into the cached feed; after a break the feed is read again. Returns how the stream stands.
 */
export function useNotificationStream(enabled: boolean): StreamStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>('connecting');
  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    return openNotificationStream(NOTIFICATION_STREAM, {
      onStatus: setStatus,
      onNotification: (notification) => {
        client.setQueryData<Feed>(communityKeys.feed, (feed) => withNotification(feed, notification));
        refreshAbout(client, notification);
      },
      onReconnected: () => void client.invalidateQueries({ queryKey: communityKeys.feed }),
    });
  }, [enabled, client]);
  return enabled ? status : 'unavailable';
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) => communityApi.markRead(notificationId),
    onSuccess: (_, notificationId) => client.setQueryData<Feed>(communityKeys.feed, (feed) => withRead(feed, notificationId)),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => communityApi.markAllRead(),
    onSuccess: () => client.setQueryData<Feed>(communityKeys.feed, (feed) => withRead(feed)),
  });
}

export function useNotificationSettings() {
  return useQuery({ queryKey: communityKeys.settings, queryFn: ({ signal }) => communityApi.settings(signal) });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (muted: NotificationKind[]) => communityApi.saveSettings(muted),
    onSuccess: (settings) => {
      client.setQueryData(communityKeys.settings, settings);
      // Muted kinds leave the feed and its count.
      void client.invalidateQueries({ queryKey: communityKeys.feed });
    },
  });
}
