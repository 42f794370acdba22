import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { FrameworkSummary, VersionView } from '../api/frameworks';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Loading, QueryView } from '../shell/States';
import { CompetencyTree, PolicySummary, ScaleTable, StatusTag } from './components';
import { useFramework, usePublish, useRetire, useTree, useVersion } from './hooks';
import { PolicyPreviewPanel } from './PolicyPreviewPanel';
import { DEFAULT_POLICY, DEFAULT_SCALE } from '../api/framework-authoring';

export function frameworkPath(frameworkId: string, suffix = ''): string {
  return `/authoring/frameworks/${encodeURIComponent(frameworkId)}${suffix}`;
}

export default function FrameworkPage() {
  const { frameworkId = '' } = useParams();
  const framework = useFramework(frameworkId);
  if (framework.isPending || framework.isError) {
    return (
      <Page title="Framework">
        <QueryView query={framework} loadingLabel="Loading the framework…">
          {() => null}
        </QueryView>
      </Page>
    );
  }
  return <FrameworkDetail summary={framework.data} />;
}

function FrameworkDetail({ summary }: { summary: FrameworkSummary }) {
  const [params, setParams] = useSearchParams();
  const asked = Number.parseInt(params.get('version') ?? '', 10);
  const version = Number.isNaN(asked) ? summary.latestVersion : asked;
  const view = useVersion(summary.frameworkId, version);
  const tree = useTree(summary.frameworkId, version);
  const latest = summary.versions.find((v) => v.version === summary.latestVersion);
  const hasDraft = latest?.status === 'DRAFT';
  return (
    <Page
      title={summary.title}
      intro={summary.description ? <p>{summary.description}</p> : undefined}
      actions={<Link to="/authoring/frameworks">All frameworks</Link>}
    >
      <dl className="facts">
        <dt>Code</dt>
        <dd>
          <code>{summary.code}</code>
        </dd>
        <dt>Status</dt>
        <dd>
          <StatusTag status={summary.status} />
        </dd>
        <dt>Published version</dt>
        <dd>{summary.publishedVersion || 'None yet'}</dd>
        {summary.externalId ? (
          <>
            <dt>External id</dt>
            <dd>
              <code>{summary.externalId}</code>
            </dd>
          </>
        ) : null}
      </dl>
      <FrameworkActions summary={summary} hasDraft={hasDraft} />

      <h2>Versions</h2>
      <div className="button-row">
        <label htmlFor="version-select">Version shown</label>
        <select
          id="version-select"
          value={version}
          onChange={(event) => setParams({ version: event.target.value })}
        >
          {summary.versions.map((v) => (
            <option key={v.version} value={v.version}>
              Version {v.version} ({v.status.toLowerCase()})
            </option>
          ))}
        </select>
      </div>

      <h2>Competencies of version {version}</h2>
      <QueryView query={tree} loadingLabel="Loading the tree…" isEmpty={(t) => t.roots.length === 0}
        empty={<p>This version has no competencies yet. Edit the draft to add some.</p>}>
        {(t) => (
          <CompetencyTree
            nodes={t.roots}
            link={(node) =>
              frameworkPath(summary.frameworkId, `/versions/${version}/competencies/${encodeURIComponent(node.id)}`)
            }
          />
        )}
      </QueryView>

      <QueryView query={view} loadingLabel="Loading the version…">
        {(v) => <ScaleAndPolicy view={v} />}
      </QueryView>

      <h2>Policy preview</h2>
      {view.data ? <PolicyPreviewPanel view={view.data} /> : <Loading />}
    </Page>
  );
}

function ScaleAndPolicy({ view }: { view: VersionView }) {
  return (
    <>
      <h2>Scale</h2>
      <ScaleTable scale={view.content.scale ?? DEFAULT_SCALE} caption={`Proficiency levels of version ${view.version}`} />
      <h2>Mastery policy</h2>
      <PolicySummary policy={view.content.policy ?? DEFAULT_POLICY} />
    </>
  );
}

function FrameworkActions({ summary, hasDraft }: { summary: FrameworkSummary; hasDraft: boolean }) {
  const publish = usePublish(summary.frameworkId);
  const retire = useRetire(summary.frameworkId);
  const [confirm, setConfirm] = useState<'publish' | 'retire' | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const canRetire = summary.publishedVersion > 0 && summary.status !== 'RETIRED';
  return (
    <>
      <div className="button-row">
        <Link className="button primary" to={frameworkPath(summary.frameworkId, '/draft')}>
          {hasDraft ? 'Edit draft' : 'Start a new draft'}
        </Link>
        {hasDraft ? (
          <button type="button" onClick={() => setConfirm('publish')}>
            Publish draft
          </button>
        ) : null}
        {canRetire ? (
          <button type="button" className="danger" onClick={() => setConfirm('retire')}>
            Retire
          </button>
        ) : null}
        {summary.versions.length > 1 ? (
          <Link
            className="button"
            to={frameworkPath(summary.frameworkId, `/diff?from=${summary.latestVersion - 1}&to=${summary.latestVersion}`)}
          >
            Compare versions
          </Link>
        ) : null}
      </div>
      {done ? (
        <p className="success" role="status">
          {done}
        </p>
      ) : null}
      {confirm === 'publish' ? (
        <ConfirmDialog
          title={`Publish version ${summary.latestVersion}?`}
          confirmLabel="Publish"
          busy={publish.isPending}
          error={publish.error}
          onCancel={() => {
            publish.reset();
            setConfirm(null);
          }}
          onConfirm={() =>
            publish.mutate(undefined, {
              onSuccess: (view) => {
                setConfirm(null);
                setDone(`Version ${view.version} is published. Learners' mastery follows its policy from now on.`);
              },
            })
          }
        >
          <p>
            Learners, assessments and role profiles will use it. A published version cannot be edited; later changes go
            into a new draft.
          </p>
        </ConfirmDialog>
      ) : null}
      {confirm === 'retire' ? (
        <ConfirmDialog
          title={`Retire “${summary.title}”?`}
          confirmLabel="Retire framework"
          danger
          busy={retire.isPending}
          error={retire.error}
          onCancel={() => {
            retire.reset();
            setConfirm(null);
          }}
          onConfirm={() =>
            retire.mutate(reason, {
              onSuccess: () => {
                setConfirm(null);
                setDone('The framework is retired.');
              },
            })
          }
        >
          <p>The published version will be marked as retired across the platform.</p>
          <div className="field">
            <label htmlFor="retire-reason">Reason (optional)</label>
            <input id="retire-reason" value={reason} onChange={(event) => setReason(event.target.value)} />
          </div>
        </ConfirmDialog>
      ) : null}
      {publish.isError && !confirm ? <ProblemMessage error={publish.error} /> : null}
    </>
  );
}
