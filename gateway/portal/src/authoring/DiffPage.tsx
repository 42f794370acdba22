import { Link, useParams, useSearchParams } from 'react-router';
import type { FrameworkDiff } from '../api/framework-authoring';
import { Page } from '../shell/Page';
import { Empty, QueryView } from '../shell/States';
import { frameworkPath } from './FrameworkPage';
import { useDiff, useFramework } from './hooks';

export default function DiffPage() {
  const { frameworkId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const framework = useFramework(frameworkId);
  const latest = framework.data?.latestVersion ?? 0;
  const from = Number.parseInt(params.get('from') ?? '', 10) || Math.max(1, latest - 1);
  const to = Number.parseInt(params.get('to') ?? '', 10) || latest;
  const diff = useDiff(frameworkId, framework.data ? from : undefined, framework.data ? to : undefined);
  return (
    <Page title="Compare versions" actions={<Link to={frameworkPath(frameworkId)}>Back to the framework</Link>}>
      <QueryView query={framework} loadingLabel="Loading the framework…">
        {(summary) => (
          <>
            <p>{summary.title}</p>
            <form
              className="button-row"
              onSubmit={(event) => {
                event.preventDefault();
                const data = new FormData(event.currentTarget);
                setParams({ from: String(data.get('from')), to: String(data.get('to')) });
              }}
            >
              {(['from', 'to'] as const).map((name) => (
                <span key={name}>
                  <label htmlFor={`diff-${name}`}>{name === 'from' ? 'From version' : 'To version'}</label>
                  <select id={`diff-${name}`} name={name} defaultValue={name === 'from' ? from : to} key={`${name}-${from}-${to}`}>
                    {summary.versions.map((v) => (
                      <option key={v.version} value={v.version}>
                        {v.version} ({v.status.toLowerCase()})
                      </option>
                    ))}
                  </select>
                </span>
              ))}
              <button type="submit">Compare</button>
            </form>
            <QueryView query={diff} loadingLabel="Comparing…">
              {(d) => <DiffView diff={d} />}
            </QueryView>
          </>
        )}
      </QueryView>
    </Page>
  );
}

export function DiffView({ diff }: { diff: FrameworkDiff }) {
  const nothing =
    diff.added.length + diff.removed.length + diff.changed.length + diff.relationsAdded.length +
      diff.relationsRemoved.length + diff.frameworkFieldsChanged.length === 0 && !diff.scaleChanged && !diff.policyChanged;
  if (nothing) {
    return (
      <Empty>
        <p>
          Versions {diff.from} and {diff.to} are the same.
        </p>
      </Empty>
    );
  }
  return (
    <section aria-label={`Changes from version ${diff.from} to ${diff.to}`}>
      <h2>
        From version {diff.from} to {diff.to}
      </h2>
      <ul>
        {diff.frameworkFieldsChanged.length > 0 ? <li>Framework {diff.frameworkFieldsChanged.join(' and ')} changed</li> : null}
        <li>{diff.scaleChanged ? 'The scale changed' : 'The scale is the same'}</li>
        <li>{diff.policyChanged ? 'The mastery policy changed' : 'The mastery policy is the same'}</li>
      </ul>
      <h3>Added ({diff.added.length})</h3>
      <RefList items={diff.added.map((c) => `${c.code} ${c.title}`)} />
      <h3>Removed ({diff.removed.length})</h3>
      <RefList items={diff.removed.map((c) => `${c.code} ${c.title}`)} />
      <h3>Changed ({diff.changed.length})</h3>
      <RefList items={diff.changed.map((c) => `${c.code}: ${c.fields.join(', ')}`)} />
      <h3>Relations</h3>
      <RefList
        items={[
          ...diff.relationsAdded.map((r) => `Added: ${r.source} ${r.type} ${r.target}`),
          ...diff.relationsRemoved.map((r) => `Removed: ${r.source} ${r.type} ${r.target}`),
        ]}
      />
    </section>
  );
}

function RefList({ items }: { items: string[] }) {
  if (items.length === 0) {
    return <p className="muted">None.</p>;
  }
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
