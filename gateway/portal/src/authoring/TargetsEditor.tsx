import { DEFAULT_SCALE } from '../api/framework-authoring';
import type { VersionView } from '../api/frameworks';
import { TableScroll } from '../shell/TableScroll';

export interface TargetRow {
  key: string;
  competencyId: string;
  targetLevel: string;
  weight: string;
}

let sequence = 0;
export const newTarget = (competencyId = '', targetLevel = '', weight = '1'): TargetRow => ({
  key: `t${(sequence += 1)}`,
  competencyId,
  targetLevel,
  weight,
});

/** Competency + target level (+ weight) rows against one framework version; levels follow each competency's scale. */
export function TargetsEditor({ caption, view, rows, onChange, withWeight }: {
  caption: string;
  view: VersionView;
  rows: TargetRow[];
  onChange: (rows: TargetRow[]) => void;
  withWeight: boolean;
}) {
  const competencies = view.content.competencies;
  const levelsOf = (competencyId: string) =>
    (competencies.find((c) => c.id === competencyId)?.scaleOverride ?? view.content.scale ?? DEFAULT_SCALE).levels;
  const update = (key: string, change: Partial<TargetRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <>
      <TableScroll label="Target levels">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Competency</th>
              <th scope="col">Target level</th>
              {withWeight ? <th scope="col">Weight</th> : null}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const n = index + 1;
              return (
                <tr key={row.key}>
                  <td>
                    <select aria-label={`Competency ${n}`} value={row.competencyId} onChange={(e) => update(row.key, { competencyId: e.target.value, targetLevel: '' })}>
                      <option value="">Choose</option>
                      {competencies.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.code} {c.title}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select aria-label={`Target level ${n}`} value={row.targetLevel} onChange={(e) => update(row.key, { targetLevel: e.target.value })}>
                      <option value="">Choose</option>
                      {levelsOf(row.competencyId).map((level) => (
                        <option key={level.code} value={level.code}>
                          {level.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  {withWeight ? (
                    <td>
                      <input aria-label={`Weight ${n}`} type="number" min="0" step="0.5" value={row.weight} onChange={(e) => update(row.key, { weight: e.target.value })} />
                    </td>
                  ) : null}
                  <td>
                    <button type="button" className="danger" onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
                      Remove<span className="visually-hidden"> row {n}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <div className="button-row">
        <button type="button" onClick={() => onChange([...rows, newTarget()])}>
          Add competency
        </button>
      </div>
    </>
  );
}
