import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { isApiProblem } from '../api/http';
import { ProblemMessage } from '../shell/ProblemMessage';
import type { LearnerScope } from './hooks';
import { useProfile } from './hooks';

/** A learner page's errors: someone else's profile reads as the plain rule, with the platform's reason. */
export function LearnerProblem({ error }: { error: unknown }) {
  if (isApiProblem(error) && error.status === 403) {
    return <ProblemMessage error={error} title="You can only see your own profile." />;
  }
  return <ProblemMessage error={error} />;
}

/** For someone else's profile (a manager's drill-down): whose it is, read-only, and its pages. */
export function LearnerFrame({ scope, children }: { scope: LearnerScope; children: ReactNode }) {
  if (scope.own) {
    return <>{children}</>;
  }
  return (
    <>
      <OtherLearner scope={scope} />
      {children}
    </>
  );
}

function OtherLearner({ scope }: { scope: LearnerScope }) {
  const profile = useProfile(scope.learnerId);
  const name = profile.data?.profile.displayName ?? scope.learnerId;
  return (
    <div className="no-print">
      <p className="notice">Viewing the profile of {name} (read-only).</p>
      <nav aria-label="Learner pages">
        <ul className="nav-list">
          <li><NavLink to={scope.base} end>Competencies</NavLink></li>
          <li><NavLink to={`${scope.base}/growth`}>Growth</NavLink></li>
          <li><NavLink to={`${scope.base}/gaps`}>Gaps and next steps</NavLink></li>
          <li><NavLink to={`${scope.base}/evidence`}>Evidence</NavLink></li>
        </ul>
      </nav>
    </div>
  );
}
