import { useState, type FormEvent } from 'react';
import type { Post, Thread } from '../api/community';
import { TextField } from '../shell/Field';
import { formatDateTime } from '../shell/format';
import { ProblemMessage } from '../shell/ProblemMessage';
import { useSignedIn } from '../shell/useSession';
import { useEditPost, useHide, useHistory, useMarkAnswer, useReply, useReport } from './hooks';
import { threadLabels, type PeopleLabels } from './people';

type Heading = 'h2' | 'h3';

/**
 * One discussion: its posts in the order written, the answer marked, "edited" with the earlier texts, and the
 * actions the caller may take. A post's HTML comes rendered and cleaned by the service; the author's markdown is
 * only ever shown as text.
 */
export function ThreadView({ thread, heading = 'h3' }: { thread: Thread; heading?: Heading }) {
  const session = useSignedIn();
  const Title = heading;
  const mayMarkAnswer = thread.moderator || thread.authorId === session.subject;
  const people = threadLabels(thread, session.subject);
  return (
    <div className="thread">
      <Title>{thread.title}</Title>
      {thread.answerPostId ? <p className="notice">This discussion has an answer (marked below).</p> : null}
      <ol className="posts">
        {thread.posts.map((post, index) => (
          <li key={post.postId}>
            <PostView
              thread={thread}
              post={post}
              opening={index === 0}
              own={post.authorId === session.subject}
              mayMarkAnswer={mayMarkAnswer}
              people={people}
            />
          </li>
        ))}
      </ol>
      <ReplyForm discussionId={thread.discussionId} />
    </div>
  );
}

type Action = 'none' | 'edit' | 'report' | 'hide';

function PostView({ thread, post, opening, own, mayMarkAnswer, people }: {
  thread: Thread;
  post: Post;
  opening: boolean;
  own: boolean;
  mayMarkAnswer: boolean;
  people: PeopleLabels;
}) {
  const author = people.label(post.authorId);
  const [action, setAction] = useState<Action>('none');
  const [showHistory, setShowHistory] = useState(false);
  const [reported, setReported] = useState(false);
  const answer = useMarkAnswer(thread.discussionId);
  const isAnswer = thread.answerPostId === post.postId;
  const label = `${opening ? 'Post' : 'Reply'} by ${author}`;
  return (
    <article className={isAnswer ? 'post answer' : 'post'} aria-label={label}>
      <p className="post-meta">
        <strong>{author}</strong> <span className="muted">{formatDateTime(post.createdAt)}</span>
        {isAnswer ? <span className="tag">Answer</span> : null}
        {post.edited ? (
          <>
            {' '}
            <span className="muted">(edited {formatDateTime(post.editedAt)})</span>{' '}
            <button type="button" className="link-button" aria-expanded={showHistory}
              onClick={() => setShowHistory((value) => !value)}>
              {showHistory ? 'Hide earlier versions' : 'Show earlier versions'}
            </button>
          </>
        ) : null}
      </p>
      {post.hidden ? (
        <p className="notice">
          This post was hidden by a moderator.
          {post.hiddenReason ? <> Reason: {post.hiddenReason}</> : null}
        </p>
      ) : null}
      {post.html !== null ? (
        // Rendered from markdown and cleaned by the service's safelist (no scripts, styles, images or raw HTML).
        <div className={post.hidden ? 'post-body hidden-post' : 'post-body'} dangerouslySetInnerHTML={{ __html: post.html }} />
      ) : null}
      {post.mentions.length > 0 ? (
        <p className="muted post-mentions">Mentions: {post.mentions.map((id) => people.label(id)).join(', ')}</p>
      ) : null}
      {post.reportCount ? <p className="muted">Reported {post.reportCount} {post.reportCount === 1 ? 'time' : 'times'}.</p> : null}
      {showHistory ? <History discussionId={thread.discussionId} postId={post.postId} /> : null}
      {answer.isError ? <ProblemMessage error={answer.error} /> : null}
      {reported ? <p className="success" role="status">Thank you: the moderators will look at this post.</p> : null}
      <div className="button-row post-actions">
        {!opening && mayMarkAnswer && !post.hidden && !isAnswer ? (
          <button type="button" className="button" disabled={answer.isPending} onClick={() => answer.mutate(post.postId)}>
            Mark as answer
          </button>
        ) : null}
        {own && !post.hidden && post.markdown !== null ? (
          <button type="button" className="button" aria-expanded={action === 'edit'} onClick={() => setAction(action === 'edit' ? 'none' : 'edit')}>
            Edit
          </button>
        ) : null}
        {!own && !post.hidden ? (
          <button type="button" className="button" aria-expanded={action === 'report'} onClick={() => setAction(action === 'report' ? 'none' : 'report')}>
            Report
          </button>
        ) : null}
        {thread.moderator && !post.hidden ? (
          <button type="button" className="button danger" aria-expanded={action === 'hide'} onClick={() => setAction(action === 'hide' ? 'none' : 'hide')}>
            Hide
          </button>
        ) : null}
      </div>
      {action === 'edit' ? (
        <EditForm discussionId={thread.discussionId} post={post} onDone={() => setAction('none')} />
      ) : action === 'report' ? (
        <ReasonForm discussionId={thread.discussionId} postId={post.postId} kind="report"
          onDone={(sent) => { setAction('none'); setReported(sent); }} />
      ) : action === 'hide' ? (
        <ReasonForm discussionId={thread.discussionId} postId={post.postId} kind="hide" onDone={() => setAction('none')} />
      ) : null}
    </article>
  );
}

function History({ discussionId, postId }: { discussionId: string; postId: string }) {
  const history = useHistory(discussionId, postId, true);
  if (history.isPending) {
    return <p className="muted">Loading earlier versions…</p>;
  }
  if (history.isError) {
    return <ProblemMessage error={history.error} />;
  }
  return (
    <ol className="history" aria-label="Earlier versions, oldest first">
      {history.data.map((revision) => (
        <li key={revision.replacedAt}>
          <p className="muted">Replaced {formatDateTime(revision.replacedAt)}</p>
          <pre className="markdown-text">{revision.markdown}</pre>
        </li>
      ))}
    </ol>
  );
}

function ReplyForm({ discussionId }: { discussionId: string }) {
  const [body, setBody] = useState('');
  const reply = useReply(discussionId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reply.mutate(body, { onSuccess: () => setBody('') });
  };
  return (
    <form className="reply-form" onSubmit={submit} aria-label="Reply">
      <TextField label="Your reply" hint="Markdown: **bold**, *italic*, lists, links, `code`." multiline value={body}
        onChange={setBody} error={reply.error} field="body" required />
      {reply.isError ? <ProblemMessage error={reply.error} title="Your reply was not posted." /> : null}
      {reply.isSuccess && body === '' ? <p className="success" role="status">Your reply is posted.</p> : null}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={reply.isPending || body.trim() === ''}>
          Post reply
        </button>
      </div>
    </form>
  );
}

function EditForm({ discussionId, post, onDone }: { discussionId: string; post: Post; onDone: () => void }) {
  const [body, setBody] = useState(post.markdown ?? '');
  const edit = useEditPost(discussionId, post.postId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    edit.mutate(body, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} aria-label="Edit post">
      <TextField label="Your post" multiline value={body} onChange={setBody} error={edit.error} field="body" required />
      {edit.isError ? <ProblemMessage error={edit.error} title="Your change was not saved." /> : null}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={edit.isPending || body.trim() === ''}>Save</button>
        <button type="button" className="button" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}

function ReasonForm({ discussionId, postId, kind, onDone }: {
  discussionId: string;
  postId: string;
  kind: 'report' | 'hide';
  /** `sent`: the report or hiding was stored; false when cancelled. */
  onDone: (sent: boolean) => void;
}) {
  const [reason, setReason] = useState('');
  const report = useReport(discussionId, postId);
  const hide = useHide(discussionId, postId);
  const mutation = kind === 'report' ? report : hide;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(reason.trim(), { onSuccess: () => onDone(true) });
  };
  const required = kind === 'hide';
  return (
    <form onSubmit={submit} aria-label={kind === 'report' ? 'Report post' : 'Hide post'}>
      <TextField
        label={kind === 'report' ? 'Why are you reporting this post? (optional)' : 'Reason for hiding (kept, shown to moderators)'}
        value={reason} onChange={setReason} error={mutation.error} field="reason" required={required}
      />
      {mutation.isError ? <ProblemMessage error={mutation.error} /> : null}
      <div className="button-row">
        <button type="submit" className={kind === 'hide' ? 'button danger primary' : 'button primary'}
          disabled={mutation.isPending || (required && reason.trim() === '')}>
          {kind === 'report' ? 'Send report' : 'Hide post'}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>Cancel</button>
      </div>
    </form>
  );
}
