import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ASSESSMENT_KINDS, type AssessmentKind } from '../api/assessment-authoring';
import type { FrameworkSummary } from '../api/frameworks';
import { TextField } from '../shell/Field';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Empty, QueryView } from '../shell/States';
import { words } from './components';
import { FrameworkCompetencyPicker } from './FrameworkCompetencyPicker';
import { useAssessmentsOf, useCreateAssessment } from './hooks';
import { TableScroll } from '../shell/TableScroll';

export function assessmentPath(assessmentId: string): string {
  return `/authoring/assessments/${encodeURIComponent(assessmentId)}`;
}

export default function AssessmentAuthoringPage() {
  const [params, setParams] = useSearchParams();
  const frameworkId = params.get('frameworkId') ?? '';
  const competencyId = params.get('competencyId') ?? '';
  const assessments = useAssessmentsOf(competencyId || undefined);
  return (
    <Page
      title="Assessment authoring"
      intro={<p>Quizzes, rubrics, observation checklists, peer and self assessments, aligned to competencies.</p>}
    >
      <h2>Assessments of a competency</h2>
      <FrameworkCompetencyPicker
        frameworkId={frameworkId}
        competencyId={competencyId}
        onFramework={(f) => setParams(f ? { frameworkId: f.frameworkId } : {})}
        onCompetency={(id) => setParams(id ? { frameworkId, competencyId: id } : { frameworkId })}
      />
      {competencyId ? (
        <QueryView
          query={assessments}
          loadingLabel="Loading assessments…"
          isEmpty={(list) => list.length === 0}
          empty={<p>No assessment is aligned to this competency yet.</p>}
        >
          {(list) => (
            <TableScroll label="Assessments">
              <table>
                <caption>Assessments aligned to the competency</caption>
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((a) => (
                    <tr key={a.assessmentId}>
                      <td>
                        <Link to={assessmentPath(a.assessmentId)}>{a.title}</Link>
                      </td>
                      <td>{words(a.kind)}</td>
                      <td>{words(a.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </QueryView>
      ) : (
        <Empty>
          <p>Choose a framework and a competency to see its assessments. (The service lists assessments by competency.)</p>
        </Empty>
      )}
      <NewAssessmentForm />
    </Page>
  );
}

function NewAssessmentForm() {
  const create = useCreateAssessment();
  const navigate = useNavigate();
  const [kind, setKind] = useState<AssessmentKind>('QUIZ');
  const [title, setTitle] = useState('');
  const [framework, setFramework] = useState<FrameworkSummary | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!framework) {
      return;
    }
    create.mutate(
      { kind, title: title.trim(), frameworkId: framework.frameworkId, frameworkVersion: framework.publishedVersion },
      { onSuccess: (view) => navigate(assessmentPath(view.assessmentId)) },
    );
  };
  return (
    <section aria-labelledby="new-assessment">
      <h2 id="new-assessment">New assessment</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="assessment-kind">Kind</label>
          <select id="assessment-kind" value={kind} onChange={(event) => setKind(event.target.value as AssessmentKind)}>
            {ASSESSMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {words(k)}
              </option>
            ))}
          </select>
        </div>
        <TextField label="Title" value={title} onChange={setTitle} error={create.error} field="title" required />
        <FrameworkCompetencyPicker
          frameworkId={framework?.frameworkId ?? ''}
          onFramework={setFramework}
          frameworkLabel="Aligned to framework"
        />
        {create.isError ? <ProblemMessage error={create.error} title="The assessment was not created." /> : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={!framework || create.isPending}>
            {create.isPending ? 'Creating…' : 'Create assessment'}
          </button>
        </div>
      </form>
    </section>
  );
}
