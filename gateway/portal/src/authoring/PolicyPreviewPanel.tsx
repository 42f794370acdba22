import { useMutation } from '@tanstack/react-query';
import type { VersionView } from '../api/frameworks';
import { learnerAdminApi, type PolicyPreview } from '../api/learner-admin';
import { toCandidate } from '../api/policy-candidate';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Empty } from '../shell/States';
import { TableScroll } from '../shell/TableScroll';

/**
 * Asks the learner service who would change level if `view` were published. Administrators see the learners; authors
 * see the same changes without names.
 */
export function PolicyPreviewPanel({ view }: { view: VersionView }) {
  const preview = useMutation({ mutationFn: () => learnerAdminApi.policyPreview(toCandidate(view)) });
  return (
    <section aria-label={`Policy preview of version ${view.version}`}>
      <p>
        Refolds the evidence of every learner of this framework under version {view.version}'s scale and policies and
        lists each learner and competency whose level or mastery would change. Nothing is changed.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => preview.mutate()} disabled={preview.isPending}>
          {preview.isPending ? 'Previewing…' : `Preview the effect of version ${view.version}`}
        </button>
      </div>
      {preview.isError ? <ProblemMessage error={preview.error} /> : null}
      {preview.data ? <PreviewResult preview={preview.data} view={view} /> : null}
    </section>
  );
}

function PreviewResult({ preview, view }: { preview: PolicyPreview; view: VersionView }) {
  const codes = new Map(view.content.competencies.map((c) => [c.id, `${c.code} ${c.title}`]));
  const mastered = (value: boolean) => (value ? 'mastered' : 'not mastered');
  return (
    <div role="status">
      <p>
        {preview.learnersExamined} learner{preview.learnersExamined === 1 ? '' : 's'} examined,{' '}
        {preview.changes.length} change{preview.changes.length === 1 ? '' : 's'}.
      </p>
      {preview.changes.length === 0 ? (
        <Empty>
          <p>No learner would change level or mastery.</p>
        </Empty>
      ) : (
        <TableScroll label="Level changes in the preview">
          <table>
            <caption>Who would change level</caption>
            <thead>
              <tr>
                <th scope="col">Learner</th>
                <th scope="col">Competency</th>
                <th scope="col">Now</th>
                <th scope="col">After publishing</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((change, index) => (
                <tr key={`${change.learnerId ?? index}/${change.competencyId}`}>
                  <td>{change.learnerId ?? 'A learner'}</td>
                  <td>{codes.get(change.competencyId) ?? change.competencyId}</td>
                  <td>
                    {change.currentLevel ?? 'No level'} ({mastered(change.currentlyMastered)})
                  </td>
                  <td>
                    {change.newLevel ?? 'No level'} ({mastered(change.newlyMastered)})
                  </td>
                  <td>{change.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
