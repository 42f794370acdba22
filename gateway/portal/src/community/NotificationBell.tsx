import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { portalLink, type Notification } from '../api/community';
import { formatDateTime } from '../shell/format';
import { ProblemMessage } from '../shell/ProblemMessage';
import { useFeed, useMarkAllRead, useMarkRead, useNotificationStream } from './hooks';

/**
 * The bell in the header: the unread count, and a panel with the newest notifications. The feed stays live through
 * the notifications stream; without one (or without the community service) it is polled, and a bell whose feed
 * cannot be read shows no count and says so only when opened.
 */
export function NotificationBell() {
  const [seen, setSeen] = useState(false);
  const status = useNotificationStream(seen);
  const feed = useFeed(status === 'open');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  useEffect(() => {
    if (feed.isSuccess) {
      setSeen(true);
    }
  }, [feed.isSuccess]);
  useEffect(() => setOpen(false), [location.pathname]);

  const unread = feed.data?.unreadCount ?? 0;
  const label = feed.data ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <div
      className="bell"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => setOpen((value) => !value)}
      >
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 ? (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {unread > 0 ? `${unread} unread ${unread === 1 ? 'notification' : 'notifications'}` : ''}
      </span>
      {open ? (
        <section id={panelId} className="bell-panel" aria-labelledby={headingId}>
          <h2 id={headingId}>Notifications</h2>
          <FeedPanel feed={feed} />
          <p>
            <Link to="/notifications/settings">Notification settings</Link>
          </p>
        </section>
      ) : (
        <div id={panelId} hidden />
      )}
    </div>
  );
}

function FeedPanel({ feed }: { feed: ReturnType<typeof useFeed> }) {
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  if (feed.isPending) {
    return <p className="muted">Loading notifications…</p>;
  }
  if (feed.isError) {
    return <p className="muted">Notifications are not available right now.</p>;
  }
  const { items, unreadCount } = feed.data;
  return (
    <>
      {unreadCount > 0 ? (
        <button type="button" className="button" disabled={markAll.isPending} onClick={() => markAll.mutate()}>
          Mark all as read
        </button>
      ) : null}
      {markRead.isError ? <ProblemMessage error={markRead.error} /> : null}
      {markAll.isError ? <ProblemMessage error={markAll.error} /> : null}
      {items.length === 0 ? (
        <p className="muted">No notifications yet.</p>
      ) : (
        <ul className="bell-list">
          {items.map((item) => (
            <FeedItem key={item.notificationId} item={item} onRead={() => markRead.mutate(item.notificationId)} />
          ))}
        </ul>
      )}
    </>
  );
}

function FeedItem({ item, onRead }: { item: Notification; onRead: () => void }) {
  const to = portalLink(item.link);
  return (
    <li className={item.read ? 'bell-item' : 'bell-item unread'}>
      <p>
        {item.read ? null : <span className="tag">New</span>}{' '}
        {to ? (
          <Link to={to} onClick={item.read ? undefined : onRead}>
            {item.text}
          </Link>
        ) : (
          item.text
        )}
      </p>
      <p className="muted">{formatDateTime(item.at)}</p>
      {item.read ? null : (
        <button type="button" className="button" aria-label={`Mark as read: ${item.text}`} onClick={onRead}>
          Mark as read
        </button>
      )}
    </li>
  );
}
