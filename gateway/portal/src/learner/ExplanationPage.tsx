import { Link, useParams } from 'react-router';
import { DiscussionPanel } from '../community/DiscussionPanel';
import { Page } from '../shell/Page';
import { Loading } from '../shell/States';
import { levelLabel } from './catalog';
import { ExplanationView } from './ExplanationView';
import { useCatalog, useLearnerScope, useMasteryOf } from './hooks';
import { LearnerFrame, LearnerProblem } from './LearnerFrame';

export default function ExplanationPage() {
  const scope = useLearnerScope();
  const competencyId = useParams().competencyId ?? '';
  const mastery = useMasteryOf(scope.learnerId, competencyId);
  const { catalog } = useCatalog(mastery.data ? [mastery.data] : []);
  const m = mastery.data;
  const info = m ? catalog.competency(m.frameworkId, m.frameworkVersion, m.competencyId) : undefined;
  return (
    <Page title="Why this level" intro={m && info ? <p>{info.title} ({catalog.frameworkTitle(m.frameworkId)})</p> : null}>
      <LearnerFrame scope={scope}>
        {mastery.isPending ? (
          <Loading />
        ) : mastery.isError ? (
          <LearnerProblem error={mastery.error} />
        ) : (
          <ExplanationView
            mastery={mastery.data}
            levelLabel={mastery.data.pending ? 'Pending' : levelLabel(info?.levels ?? [], mastery.data.level)}
            competencyTitle={(id) => catalog.title(mastery.data.frameworkId, mastery.data.frameworkVersion, id)}
          />
        )}
        {competencyId ? <DiscussionPanel subjectKind="COMPETENCY" subjectId={competencyId} /> : null}
        <p className="no-print">
          <Link to={scope.base}>Back to all competencies</Link>
        </p>
      </LearnerFrame>
    </Page>
  );
}
