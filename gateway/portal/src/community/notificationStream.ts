// The live notifications: a Server-Sent Events stream from the community service, through the gateway (same
// origin, so the browser sends the session cookie). The browser reconnects by itself after a dropped connection;
// when it gives up (the stream answered with an error), the stream is opened again after a growing pause, and after
// the last pause the portal stops trying and the feed is polled instead.
import { isNotification, type Notification } from '../api/community';

export type StreamStatus = 'connecting' | 'open' | 'unavailable';

export interface StreamHandlers {
  onNotification: (notification: Notification) => void;
  onStatus: (status: StreamStatus) => void;
  /** The stream is open again after a break: notifications of the break came through no stream. */
  onReconnected: () => void;
}

/** Pauses before opening a stream again that the browser gave up on. */
export const RETRY_DELAYS_MS: readonly number[] = [2_000, 5_000, 15_000, 30_000, 60_000];

/** EventSource.CLOSED: the browser will not reconnect by itself. */
const CLOSED = 2;

/** Opens the stream and keeps it open; returns a function that closes it for good. */
export function openNotificationStream(url: string, handlers: StreamHandlers,
                                       delays: readonly number[] = RETRY_DELAYS_MS): () => void {
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retries = 0;
  let opened = false;
  let broken = false;
  let stopped = false;

  const onNotification = (event: Event) => {
    const data = (event as MessageEvent<unknown>).data;
    if (typeof data !== 'string') {
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    if (isNotification(parsed)) {
      handlers.onNotification(parsed);
    }
  };

  const connect = () => {
    if (stopped) {
      return;
    }
    if (typeof EventSource === 'undefined') {
      handlers.onStatus('unavailable');
      return;
    }
    handlers.onStatus('connecting');
    const current = new EventSource(url);
    source = current;
    current.addEventListener('open', () => {
      retries = 0;
      handlers.onStatus('open');
      if (opened && broken) {
        handlers.onReconnected();
      }
      opened = true;
      broken = false;
    });
    current.addEventListener('notification', onNotification);
    current.addEventListener('error', () => {
      if (stopped || source !== current) {
        return;
      }
      broken = true;
      if (current.readyState !== CLOSED) {
        handlers.onStatus('connecting');
        return;
      }
      current.close();
      const delay = delays[retries];
      if (delay === undefined) {
        handlers.onStatus('unavailable');
        return;
      }
      retries += 1;
      handlers.onStatus('connecting');
      timer = setTimeout(connect, delay);
    });
  };

  connect();
  return () => {
    stopped = true;
    if (timer !== undefined) {
      clearTimeout(timer);
    }
    source?.close();
  };
}
