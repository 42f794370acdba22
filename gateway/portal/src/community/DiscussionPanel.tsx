import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { SubjectKind } from '../api/community';
import { TextField } from '../shell/Field';
import { formatDateTime } from '../shell/format';
import { Pager } from '../shell/Pager';
import { isApiProblem } from '../api/http';
import { ProblemMessage, statusWords } from '../shell/ProblemMessage';
import { Skeleton } from '../shell/Skeleton';
import { useSignedIn } from '../shell/useSession';
import { useDiscussions, useStartDiscussion, useThread } from './hooks';
import { ThreadView } from './ThreadView';

/** Discussions a page shows at a time. */
export const DISCUSSIONS_PER_PAGE = 10;

/**
 * The discussions of the caller's unit on one competency or assessment: newest activity first, searchable, a page
 * at a time; one opens in place (`?discussion=` in the address, so it can be linked).
 */
export function DiscussionPanel({ subjectKind, subjectId }: { subjectKind: SubjectKind; subjectId: string }) {
  const headingId = useId();
  const [params, setParams] = useSearchParams();
  const open = params.get('discussion');
  const setOpen = (discussionId: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (discussionId) {
        next.set('discussion', discussionId);
      } else {
        next.delete('discussion');
      }
      return next;
    }, { replace: true });
  return (
    <section className="discussions no-print" aria-labelledby={headingId}>
      <h2 id={headingId}>Discussion</h2>
      {open ? (
        <OpenThread discussionId={open} onBack={() => setOpen(null)} />
      ) : (
        <DiscussionList subjectKind={subjectKind} subjectId={subjectId} onOpen={setOpen} />
      )}
    </section>
  );
}

function OpenThread({ discussionId, onBack }: { discussionId: string; onBack: () => void }) {
  const thread = useThread(discussionId);
  return (
    <>
      <p>
        <button type="button" className="link-button" onClick={onBack}>Back to the discussions</button>
      </p>
      {thread.isPending ? (
        <Skeleton label="Loading the discussion…" rows={3} />
      ) : thread.isError ? (
        <ProblemMessage error={thread.error} />
      ) : (
        <ThreadView thread={thread.data} heading="h3" />
      )}
    </>
  );
}

function DiscussionList({ subjectKind, subjectId, onOpen }: {
  subjectKind: SubjectKind;
  subjectId: string;
  onOpen: (discussionId: string) => void;
}) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const [starting, setStarting] = useState(false);
  const list = useDiscussions({ subjectKind, subjectId, q: q || undefined, page, size: DISCUSSIONS_PER_PAGE });
  const me = useSignedIn().subject;
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(typed.trim());
    setPage(0);
  };
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / DISCUSSIONS_PER_PAGE)) : undefined;
  return (
    <>
      <form className="filters" role="search" onSubmit={search}>
        <TextField label="Search the discussions" type="search" value={typed} onChange={setTyped} />
        <div className="button-row">
          <button type="submit" className="button">Search</button>
        </div>
      </form>
      {starting ? (
        <StartForm subjectKind={subjectKind} subjectId={subjectId} onCancel={() => setStarting(false)}
          onStarted={(discussionId) => { setStarting(false); onOpen(discussionId); }} />
      ) : (
        <p>
          <button type="button" className="button" onClick={() => setStarting(true)}>Start a discussion</button>
        </p>
      )}
      {list.isPending ? (
        <Skeleton label="Loading discussions…" rows={3} />
      ) : list.isError ? (
        <Unavailable error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{q ? `No discussion mentions “${q}”.` : 'No discussion yet. Start the first one.'}</p>
      ) : (
        <>
          <ul className="discussion-list">
            {list.data.items.map((item) => (
              <li key={item.discussionId}>
                <button type="button" className="link-button" onClick={() => onOpen(item.discussionId)}>
                  {item.title}
                </button>{' '}
                {item.answered ? <span className="tag">Answered</span> : null}
                <span className="muted">
                  {' '}by {item.authorId === me ? 'you' : item.authorName ?? 'a member'}, {item.replyCount} {item.replyCount === 1 ? 'reply' : 'replies'}, last activity {formatDateTime(item.lastActivityAt)}
                </span>
              </li>
            ))}
          </ul>
          {pages !== undefined && pages > 1 ? (
            <Pager label="Discussion pages" page={page + 1} pages={pages} onGo={(next) => setPage(next - 1)} />
          ) : null}
        </>
      )}
    </>
  );
}

function StartForm({ subjectKind, subjectId, onStarted, onCancel }: {
  subjectKind: SubjectKind;
  subjectId: string;
  onStarted: (discussionId: string) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const start = useStartDiscussion();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate({ subjectKind, subjectId, title: title.trim(), body, mentions: [] },
      { onSuccess: (created) => onStarted(created.discussionId) });
  };
  return (
    <form onSubmit={submit} aria-label="Start a discussion">
      <TextField label="Title" value={title} onChange={setTitle} error={start.error} field="title" required />
      <TextField label="Your question or thought" hint="Markdown: **bold**, *italic*, lists, links, `code`." multiline
        value={body} onChange={setBody} error={start.error} field="body" required />
      {start.isError ? <ProblemMessage error={start.error} title="The discussion was not started." /> : null}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={start.isPending || !title.trim() || !body.trim()}>
          Start discussion
        </button>
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

/**
 * The list could not be read (the service is down, or the caller belongs to no organisation unit): said in a
 * sentence, not as an alert, since the page around it still works.
 */
function Unavailable({ error }: { error: unknown }) {
  const why = isApiProblem(error) ? error.detail ?? statusWords(error.status) : undefined;
  return <p className="muted">The discussions are not available right now.{why ? ` ${why}` : ''}</p>;
}
