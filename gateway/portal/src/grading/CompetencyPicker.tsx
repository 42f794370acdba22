import { useId, useState } from 'react';
import type { CompetencyHit } from '../api/frameworks';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Loading } from '../shell/States';
import { useCompetencySearch } from './hooks';

/** Search competencies by name or code and pick one. */
export function CompetencyPicker({ value, onChange }: { value: CompetencyHit | null; onChange: (hit: CompetencyHit) => void }) {
  const [q, setQ] = useState('');
  const search = useCompetencySearch(q);
  const id = useId();
  const hits = (search.data ?? []).filter((hit) => hit.status !== 'DRAFT');
  return (
    <fieldset>
      <legend>Competency</legend>
      <div className="field">
        <label htmlFor={id}>Find a competency</label>
        <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name or code" />
      </div>
      {value ? <p>Chosen: <strong>{value.title}</strong> ({value.code}, version {value.version})</p> : null}
      {q.trim().length < 2 ? null : search.isPending ? (
        <Loading label="Searching…" />
      ) : search.isError ? (
        <ProblemMessage error={search.error} />
      ) : hits.length === 0 ? (
        <p className="muted">No competency matches.</p>
      ) : (
        <ul className="plain">
          {hits.slice(0, 20).map((hit) => (
            <li key={`${hit.frameworkId}/${hit.version}/${hit.id}`}>
              <label className="choice">
                <input
                  type="radio"
                  name={`${id}-hit`}
                  checked={value?.id === hit.id && value.version === hit.version && value.frameworkId === hit.frameworkId}
                  onChange={() => onChange(hit)}
                />
                {hit.title} <span className="muted">({hit.code}, version {hit.version})</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
