import { Link, useParams } from 'react-router';
import { DEFAULT_POLICY, DEFAULT_SCALE } from '../api/framework-authoring';
import type { VersionView } from '../api/frameworks';
import { DiscussionPanel } from '../community/DiscussionPanel';
import { Page } from '../shell/Page';
import { QueryView } from '../shell/States';
import { PolicySummary, ScaleTable, StatusTag, words } from './components';
import { frameworkPath } from './FrameworkPage';
import { useVersion } from './hooks';

export default function CompetencyPage() {
  const { frameworkId = '', version = '', competencyId = '' } = useParams();
  const view = useVersion(frameworkId, Number.parseInt(version, 10) || undefined);
  const competency = view.data?.content.competencies.find((c) => c.id === competencyId);
  return (
    <Page
      title={competency ? competency.title : 'Competency'}
      actions={<Link to={frameworkPath(frameworkId, `?version=${version}`)}>Back to the framework</Link>}
    >
      <QueryView query={view} loadingLabel="Loading the competency…">
        {(v) => <CompetencyDetail view={v} competencyId={competencyId} />}
      </QueryView>
    </Page>
  );
}

function CompetencyDetail({ view, competencyId }: { view: VersionView; competencyId: string }) {
  const all = view.content.competencies;
  const competency = all.find((c) => c.id === competencyId);
  if (!competency) {
    return <p>Version {view.version} of this framework has no competency with this id.</p>;
  }
  const byCode = new Map(all.map((c) => [c.code, c]));
  const parent = competency.parentCode ? byCode.get(competency.parentCode) : undefined;
  const children = all.filter((c) => c.parentCode === competency.code);
  const relations = view.content.relations.filter(
    (r) => r.source === competency.code || r.target === competency.code,
  );
  const link = (id: string) =>
    frameworkPath(view.frameworkId, `/versions/${view.version}/competencies/${encodeURIComponent(id)}`);
  return (
    <>
      <dl className="facts">
        <dt>Code</dt>
        <dd>
          <code>{competency.code}</code>
        </dd>
        <dt>Framework version</dt>
        <dd>
          {view.version} <StatusTag status={view.status} />
        </dd>
        <dt>Parent</dt>
        <dd>{parent ? <Link to={link(parent.id)}>{parent.code} {parent.title}</Link> : 'None (a root)'}</dd>
        <dt>Classification</dt>
        <dd>{competency.taxonomyLabel ?? '—'}</dd>
        {competency.externalId ? (
          <>
            <dt>External id</dt>
            <dd>
              <code>{competency.externalId}</code>
            </dd>
          </>
        ) : null}
      </dl>
      {competency.description ? <p>{competency.description}</p> : null}
      <p>
        <Link
          to={`/authoring/assessments?frameworkId=${encodeURIComponent(view.frameworkId)}&competencyId=${encodeURIComponent(competency.id)}`}
        >
          Assessments of this competency
        </Link>
      </p>
      {children.length > 0 ? (
        <>
          <h2>Children</h2>
          <ul>
            {children.map((child) => (
              <li key={child.id}>
                <Link to={link(child.id)}>
                  {child.code} {child.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {relations.length > 0 ? (
        <>
          <h2>Relations</h2>
          <ul>
            {relations.map((r) => (
              <li key={`${r.source}-${r.type}-${r.target}`}>
                {r.source} {words(r.type).toLowerCase()} {r.target}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Scale</h2>
      {competency.scaleOverride ? <p>This competency has its own scale.</p> : <p>The framework's scale applies.</p>}
      <ScaleTable scale={competency.scaleOverride ?? view.content.scale ?? DEFAULT_SCALE} caption="Proficiency levels" />
      <h2>Mastery policy</h2>
      {competency.policyOverride ? <p>This competency has its own policy.</p> : <p>The framework's policy applies.</p>}
      <PolicySummary policy={competency.policyOverride ?? view.content.policy ?? DEFAULT_POLICY} />
      <DiscussionPanel subjectKind="COMPETENCY" subjectId={competency.id} />
    </>
  );
}
