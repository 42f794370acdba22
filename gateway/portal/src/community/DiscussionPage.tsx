import { Link, useParams } from 'react-router';
import { useCompetencyNamesInView } from '../analytics/hooks';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { hasAnyRole } from '../shell/roles';
import { Skeleton } from '../shell/Skeleton';
import { useSignedIn } from '../shell/useSession';
import { useThread } from './hooks';
import { ThreadView } from './ThreadView';

/** One discussion on a page of its own: where a reply or mention notification leads. */
export default function DiscussionPage() {
  const discussionId = useParams().discussionId ?? '';
  const session = useSignedIn();
  const thread = useThread(discussionId);
  const subject = thread.data?.subject;
  const competencyNames = useCompetencyNamesInView(undefined);
  const competency = subject?.kind === 'COMPETENCY' ? competencyNames.get(subject.id) : undefined;
  return (
    <Page title="Discussion">
      {thread.isPending ? (
        <Skeleton label="Loading the discussion…" rows={4} />
      ) : thread.isError ? (
        <ProblemMessage error={thread.error} />
      ) : (
        <>
          {subject?.kind === 'COMPETENCY' && hasAnyRole(session.roles, ['LEARNER']) ? (
            <p>
              About {competency ?? 'a competency'}: <Link to={`/me/competencies/${encodeURIComponent(subject.id)}`}>your level and its other discussions</Link>
            </p>
          ) : null}
          <ThreadView thread={thread.data} heading="h2" />
        </>
      )}
    </Page>
  );
}
