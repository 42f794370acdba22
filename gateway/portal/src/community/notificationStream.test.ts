import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { portalLink } from '../api/community';
import { FakeEventSource } from '../test/eventSource';
import { feed, notification } from './fixtures';
import { withNotification, withRead } from './hooks';
import { openNotificationStream, type StreamStatus } from './notificationStream';

function handlers() {
  const statuses: StreamStatus[] = [];
  return {
    statuses,
    onStatus: vi.fn((status: StreamStatus) => statuses.push(status)),
    onNotification: vi.fn(),
    onReconnected: vi.fn(),
  };
}

describe('notification stream', () => {
  beforeEach(() => FakeEventSource.install());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('passesOnEachNotification_andIgnoresWhatIsNotOne', () => {
    const h = handlers();
    const close = openNotificationStream('/api/community/notifications/stream', h);
    const stream = FakeEventSource.latest();
    expect(stream.url).toBe('/api/community/notifications/stream');
    stream.open();
    stream.emit('notification', notification({ notificationId: 'n-9' }), 'n-9');
    stream.emit('notification', '{not json');
    stream.emit('notification', { notificationId: 'n-10' });

    expect(h.onNotification).toHaveBeenCalledTimes(1);
    expect(h.onNotification.mock.calls[0]![0]).toMatchObject({ notificationId: 'n-9', kind: 'REPLY' });
    expect(h.statuses).toEqual(['connecting', 'open']);
    close();
    expect(stream.readyState).toBe(FakeEventSource.CLOSED);
  });

  it('opensAgainAfterAPause_whenTheBrowserGivesUp_andSaysItReconnected', () => {
    vi.useFakeTimers();
    const h = handlers();
    const close = openNotificationStream('/stream', h, [1_000, 5_000]);
    const first = FakeEventSource.latest();
    first.open();
    first.fail(false);
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(h.statuses.at(-1)).toBe('connecting');

    first.fail(true);
    vi.advanceTimersByTime(999);
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.instances).toHaveLength(2);
    FakeEventSource.latest().open();

    expect(h.onReconnected).toHaveBeenCalledTimes(1);
    expect(h.statuses.at(-1)).toBe('open');
    close();
  });

  it('stopsQuietly_afterTheLastPause_orWithoutEventSource', () => {
    vi.useFakeTimers();
    const h = handlers();
    openNotificationStream('/stream', h, [1_000]);
    FakeEventSource.latest().fail(true);
    vi.advanceTimersByTime(1_000);
    FakeEventSource.latest().fail(true);
    vi.advanceTimersByTime(60_000);

    expect(FakeEventSource.instances).toHaveLength(2);
    expect(h.statuses.at(-1)).toBe('unavailable');
    expect(h.onReconnected).not.toHaveBeenCalled();

    vi.stubGlobal('EventSource', undefined);
    const without = handlers();
    openNotificationStream('/stream', without);
    expect(without.statuses).toEqual(['unavailable']);
  });

  it('closedStreamOpensNoMore_whenClosedDuringAPause', () => {
    vi.useFakeTimers();
    const h = handlers();
    const close = openNotificationStream('/stream', h, [1_000]);
    FakeEventSource.latest().fail(true);
    close();
    vi.advanceTimersByTime(5_000);
    expect(FakeEventSource.instances).toHaveLength(1);
  });
});

describe('feed cache', () => {
  it('putsANewNotificationFirst_andCountsItOnce', () => {
    const fresh = notification({ notificationId: 'n-2', text: 'A challenge ended' });
    const once = withNotification(feed, fresh)!;
    const twice = withNotification(once, fresh)!;

    expect(once.items.map((item) => item.notificationId)).toEqual(['n-2', 'n-1', 'n-0']);
    expect(once.unreadCount).toBe(2);
    expect(twice).toBe(once);
    expect(withNotification(undefined, fresh)).toBeUndefined();
  });

  it('marksOneOrAllRead_andLowersTheCount', () => {
    const one = withRead(feed, 'n-1')!;
    expect(one.unreadCount).toBe(0);
    expect(one.items.every((item) => item.read)).toBe(true);
    expect(withRead(one, 'n-1')).toBe(one);
    const more = withNotification(feed, notification({ notificationId: 'n-5' }))!;
    expect(withRead(more)).toMatchObject({ unreadCount: 0 });
  });
});

describe('notification links', () => {
  it('leadsToThePortalsPage_forEachKindOfLink', () => {
    expect(portalLink('/api/community/discussions/d-1')).toBe('/discussions/d-1');
    expect(portalLink('/api/community/challenges/ch-1')).toBe('/challenges#challenge-ch-1');
    expect(portalLink('/api/learners/learner-1/mastery/c-test')).toBe('/me/competencies/c-test');
    expect(portalLink('/api/assessments/attempts/a-1')).toBe('/me/attempts/a-1');
    expect(portalLink('https://elsewhere.example/x')).toBeUndefined();
    expect(portalLink(null)).toBeUndefined();
  });
});
