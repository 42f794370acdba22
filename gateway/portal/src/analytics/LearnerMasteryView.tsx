import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { formatDateTime, formatScore } from '../shell/format';
import { QueryView } from '../shell/States';
import { TableScroll } from '../shell/TableScroll';
import { useCompetencyNames, useLearnerMastery } from './hooks';
import { CsvLink, ViewSection } from './parts';

export default function LearnerMasteryView() {
  const [params, setParams] = useSearchParams();
  const learnerId = params.get('learnerId') ?? '';
  const [value, setValue] = useState(learnerId);
  const query = useLearnerMastery(learnerId);
  const names = useCompetencyNames((query.data ?? []).map((c) => c.frameworkId));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value.trim()) next.set('learnerId', value.trim());
      else next.delete('learnerId');
      return next;
    });
  };
  return (
    <ViewSection id="learner" title="One learner" intro={<p>Per-learner records are personal data: this view is for administrators.</p>}>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="learner-id">Learner id</label>
          <input id="learner-id" value={value} onChange={(event) => setValue(event.target.value)} />
        </div>
        <div className="field"><button type="submit" className="primary">Show learner</button></div>
      </form>
      {learnerId ? (
        <QueryView query={query} loadingLabel="Loading mastery…" isEmpty={(cells) => cells.length === 0}
          empty={<p>This learner has no mastery result.</p>}>
          {(cells) => (
            <>
              <TableScroll label="Mastery of one learner">
                <table>
                  <caption>Current mastery of {learnerId}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Competency</th>
                      <th scope="col">Level</th>
                      <th scope="col" className="num">Score</th>
                      <th scope="col">Mastered</th>
                      <th scope="col">Changed</th>
                    </tr>
                  </thead>
                  <tbody>
                    {cells.map((c) => (
                      <tr key={`${c.frameworkId}/${c.competencyId}`}>
                        <th scope="row">{names.get(c.competencyId) ?? <code>{c.competencyId}</code>}</th>
                        <td>{c.level ?? 'No level'}</td>
                        <td className="num">{formatScore(c.score)}</td>
                        <td>{c.mastered ? 'Yes' : 'No'}</td>
                        <td>{formatDateTime(c.changedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <CsvLink path={`/learners/${encodeURIComponent(learnerId)}/mastery`} query={{}} fileName={`learner-${learnerId}-mastery.csv`} />
            </>
          )}
        </QueryView>
      ) : null}
    </ViewSection>
  );
}
