import type { FrameworkSummary } from '../api/frameworks';
import { useFrameworks } from '../authoring/hooks';
import { ProblemMessage } from '../shell/ProblemMessage';

/** Any framework, named with its latest version. */
export function FrameworkPicker({ frameworkId, onChange }: {
  frameworkId: string;
  onChange: (framework: FrameworkSummary | undefined) => void;
}) {
  const frameworks = useFrameworks();
  const list = frameworks.data ?? [];
  return (
    <div className="field">
      <label htmlFor="preview-framework">Framework</label>
      <select id="preview-framework" value={frameworkId} onChange={(event) => onChange(list.find((f) => f.frameworkId === event.target.value))}>
        <option value="">{frameworks.isPending ? 'Loading…' : 'Choose a framework'}</option>
        {list.map((f) => (
          <option key={f.frameworkId} value={f.frameworkId}>
            {f.title} (latest version {f.latestVersion}, {f.versions.find((v) => v.version === f.latestVersion)?.status.toLowerCase() ?? 'draft'})
          </option>
        ))}
      </select>
      {frameworks.isError ? <ProblemMessage error={frameworks.error} /> : null}
    </div>
  );
}
