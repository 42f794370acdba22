import { Link, useSearchParams } from 'react-router';
import { FrameworkPicker } from './FrameworkPicker';
import { PolicyPreviewPanel } from '../authoring/PolicyPreviewPanel';
import { useVersion } from '../authoring/hooks';
import { Page } from '../shell/Page';
import { Empty, QueryView } from '../shell/States';

export default function PolicyPreviewPage() {
  const [params, setParams] = useSearchParams();
  const frameworkId = params.get('frameworkId') ?? '';
  const version = Number.parseInt(params.get('version') ?? '', 10) || undefined;
  const view = useVersion(frameworkId || undefined, version);
  return (
    <Page
      title="Policy preview"
      intro={<p>Choose a framework: the preview takes its latest version (usually the draft) as if it were published now.</p>}
      actions={<Link to="/admin">Administration</Link>}
    >
      <FrameworkPicker
        frameworkId={frameworkId}
        onChange={(framework) =>
          setParams(framework ? { frameworkId: framework.frameworkId, version: String(framework.latestVersion) } : {})
        }
      />
      {frameworkId && version ? (
        <QueryView query={view} loadingLabel="Loading the version…">
          {(v) => <PolicyPreviewPanel view={v} />}
        </QueryView>
      ) : (
        <Empty>
          <p>No framework chosen yet.</p>
        </Empty>
      )}
    </Page>
  );
}
