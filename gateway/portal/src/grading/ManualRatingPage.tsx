import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { frameworksApi, type CompetencyHit } from '../api/frameworks';
import { FieldMessage, ProblemMessage } from '../shell/ProblemMessage';
import { Page } from '../shell/Page';
import { CompetencyPicker } from './CompetencyPicker';
import { useManualRating } from './hooks';

export default function ManualRatingPage() {
  const [learnerId, setLearnerId] = useState('');
  const [hit, setHit] = useState<CompetencyHit | null>(null);
  const [level, setLevel] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const rate = useManualRating();
  const version = useQuery({
    queryKey: ['frameworks', hit?.frameworkId, 'versions', hit?.version],
    queryFn: ({ signal }) => frameworksApi.version(hit!.frameworkId, hit!.version, signal),
    enabled: hit !== null,
    staleTime: Infinity,
  });
  const competency = version.data?.content.competencies.find((c) => c.id === hit?.id);
  const levels = (competency?.scaleOverride ?? version.data?.content.scale)?.levels ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!learnerId.trim() || !hit || !level || !reason.trim()) {
      return;
    }
    rate.mutate({
      learnerId: learnerId.trim(),
      rating: { frameworkId: hit.frameworkId, frameworkVersion: hit.version, competencyId: hit.id, level, reason: reason.trim() },
    });
  };
  return (
    <Page title="Manual rating" intro={<p>Set a learner's level on a competency from your own judgement. The reason is shown with the level.</p>}>
      {rate.isSuccess ? (
        <p className="success" role="status">The rating is recorded. The learner's level follows it until newer evidence arrives.</p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="rating-learner">Learner id</label>
          <input id="rating-learner" value={learnerId} onChange={(e) => setLearnerId(e.target.value)} required
            aria-invalid={tried && !learnerId.trim()} aria-describedby="rating-learner-error" />
          {tried && !learnerId.trim() ? <p id="rating-learner-error" className="field-error">Enter the learner's id.</p> : null}
        </div>
        <CompetencyPicker value={hit} onChange={(next) => { setHit(next); setLevel(''); }} />
        {tried && !hit ? <p className="field-error">Choose a competency.</p> : null}
        <div className="field">
          <label htmlFor="rating-level">Level</label>
          <select id="rating-level" value={level} onChange={(e) => setLevel(e.target.value)} disabled={levels.length === 0}
            aria-describedby="rating-level-error">
            <option value="">Choose a level</option>
            {levels.map((l) => <option key={l.code} value={l.code}>{l.label}</option>)}
          </select>
          {tried && !level ? <p id="rating-level-error" className="field-error">Choose a level.</p> : null}
          <FieldMessage id="rating-level-server" error={rate.error} field="level" />
        </div>
        <div className="field">
          <label htmlFor="rating-reason">Reason</label>
          <textarea id="rating-reason" value={reason} onChange={(e) => setReason(e.target.value)} required aria-describedby="rating-reason-error" />
          {tried && !reason.trim() ? <p id="rating-reason-error" className="field-error">Give a reason for the rating.</p> : null}
        </div>
        {rate.isError ? <ProblemMessage error={rate.error} /> : null}
        <div className="button-row">
          <button type="submit" className="button primary" disabled={rate.isPending}>Record rating</button>
          <Link to="/grading">Back to the grading queue</Link>
        </div>
      </form>
    </Page>
  );
}
