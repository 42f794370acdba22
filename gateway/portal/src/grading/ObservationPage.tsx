import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { assessmentsApi } from '../api/assessments';
import type { CompetencyHit } from '../api/frameworks';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Loading } from '../shell/States';
import { CompetencyPicker } from './CompetencyPicker';
import { useObserve } from './hooks';

export default function ObservationPage() {
  const [hit, setHit] = useState<CompetencyHit | null>(null);
  const [assessmentId, setAssessmentId] = useState('');
  const [learnerId, setLearnerId] = useState('');
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  const [observedAt, setObservedAt] = useState('');
  const observe = useObserve();
  const found = useQuery({
    queryKey: ['assessments', 'by-competency', hit?.id],
    queryFn: ({ signal }) => assessmentsApi.byCompetency(hit!.id, signal),
    enabled: hit !== null,
  });
  const checklists = (found.data ?? []).filter((a) => a.kind === 'OBSERVATION' && a.status === 'PUBLISHED' && a.published);
  const chosen = checklists.find((a) => a.assessmentId === assessmentId);
  const items = chosen?.published?.definition.checklist ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || !learnerId.trim()) {
      return;
    }
    observe.mutate({
      assessmentId: chosen.assessmentId,
      observation: {
        learnerId: learnerId.trim(),
        marks: Object.fromEntries(items.map((item) => [item.itemId, marks[item.itemId] ?? false])),
        observedAt: observedAt ? new Date(`${observedAt}Z`).toISOString() : undefined,
      },
    });
  };
  return (
    <Page title="Record an observation">
      {observe.isSuccess ? <p className="success" role="status">The observation is recorded.</p> : null}
      <CompetencyPicker value={hit} onChange={(next) => { setHit(next); setAssessmentId(''); }} />
      {hit ? (
        found.isPending ? <Loading /> : found.isError ? <ProblemMessage error={found.error} /> : checklists.length === 0 ? (
          <p className="muted">No published observation checklist covers this competency.</p>
        ) : (
          <div className="field">
            <label htmlFor="observation-assessment">Checklist</label>
            <select id="observation-assessment" value={assessmentId} onChange={(e) => { setAssessmentId(e.target.value); setMarks({}); }}>
              <option value="">Choose a checklist</option>
              {checklists.map((a) => <option key={a.assessmentId} value={a.assessmentId}>{a.title}</option>)}
            </select>
          </div>
        )
      ) : null}
      {chosen ? (
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor="observation-learner">Learner id</label>
            <input id="observation-learner" value={learnerId} onChange={(e) => setLearnerId(e.target.value)} required />
          </div>
          <fieldset>
            <legend>What you observed</legend>
            {items.map((item) => (
              <label className="choice" key={item.itemId}>
                <input type="checkbox" checked={marks[item.itemId] ?? false}
                  onChange={(e) => setMarks((current) => ({ ...current, [item.itemId]: e.target.checked }))} />
                {item.text}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="observation-when">When (UTC, optional: now if empty)</label>
            <input id="observation-when" type="datetime-local" value={observedAt} onChange={(e) => setObservedAt(e.target.value)} />
          </div>
          {observe.isError ? <ProblemMessage error={observe.error} /> : null}
          <div className="button-row">
            <button type="submit" className="button primary" disabled={observe.isPending || !learnerId.trim()}>Record observation</button>
          </div>
        </form>
      ) : null}
      <p><Link to="/grading">Back to the grading queue</Link></p>
    </Page>
  );
}
