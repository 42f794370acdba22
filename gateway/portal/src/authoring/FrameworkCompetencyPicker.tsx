import { useId } from 'react';
import type { FrameworkSummary } from '../api/frameworks';
import { useFrameworks, useVersion } from './hooks';

/** Picks a framework (with a published version) and optionally one of that version's competencies. */
export function FrameworkCompetencyPicker({
  frameworkId,
  competencyId,
  onFramework,
  onCompetency,
  frameworkLabel = 'Framework',
}: {
  frameworkId: string;
  competencyId?: string;
  onFramework: (framework: FrameworkSummary | undefined) => void;
  onCompetency?: (competencyId: string) => void;
  frameworkLabel?: string;
}) {
  const id = useId();
  const frameworks = useFrameworks();
  const published = (frameworks.data ?? []).filter((f) => f.publishedVersion > 0);
  const chosen = published.find((f) => f.frameworkId === frameworkId);
  const version = useVersion(chosen?.frameworkId, chosen?.publishedVersion);
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-framework`}>{frameworkLabel}</label>
        <select
          id={`${id}-framework`}
          value={frameworkId}
          onChange={(event) => onFramework(published.find((f) => f.frameworkId === event.target.value))}
        >
          <option value="">{frameworks.isPending ? 'Loading…' : 'Choose a published framework'}</option>
          {published.map((f) => (
            <option key={f.frameworkId} value={f.frameworkId}>
              {f.title} (version {f.publishedVersion})
            </option>
          ))}
        </select>
      </div>
      {onCompetency ? (
        <div className="field">
          <label htmlFor={`${id}-competency`}>Competency</label>
          <select
            id={`${id}-competency`}
            value={competencyId ?? ''}
            disabled={!version.data}
            onChange={(event) => onCompetency(event.target.value)}
          >
            <option value="">Choose a competency</option>
            {(version.data?.content.competencies ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} {c.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}
