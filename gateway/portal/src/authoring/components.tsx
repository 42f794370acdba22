// Presentational pieces shared by the authoring screens; they render props and fetch nothing.
import { Link } from 'react-router';
import { methodOf, rollUpOf } from '../api/framework-authoring';
import type { FrameworkStatus, Policy, Scale, TreeNode } from '../api/frameworks';
import { TableScroll } from '../shell/TableScroll';

const STATUS_WORDS: Record<FrameworkStatus, string> = { DRAFT: 'Draft', PUBLISHED: 'Published', RETIRED: 'Retired' };

export function StatusTag({ status }: { status: FrameworkStatus }) {
  return <span className={`tag status-${status.toLowerCase()}`}>{STATUS_WORDS[status] ?? status}</span>;
}

export function words(code: string): string {
  const text = code.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function ScaleTable({ scale, caption }: { scale: Scale; caption: string }) {
  return (
    <TableScroll label="Table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Label</th>
            <th scope="col" className="num">
              Threshold
            </th>
            <th scope="col">Mastery</th>
          </tr>
        </thead>
        <tbody>
          {scale.levels.map((level) => (
            <tr key={level.code}>
              <td>
                <code>{level.code}</code>
              </td>
              <td>{level.label}</td>
              <td className="num">{level.threshold ?? '—'}</td>
              <td>{level.mastery ? 'Mastery level' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The mastery policy in words. */
export function PolicySummary({ policy }: { policy: Policy }) {
  const method = methodOf(policy);
  const rollUp = rollUpOf(policy);
  const weights = Object.entries(policy.sourceWeights ?? {});
  let parameters = '';
  if (method?.type === 'N_MASTERY') parameters = ` (n = ${method.n ?? '?'})`;
  if (method?.type === 'WEIGHTED_AVERAGE') parameters = ` (weight of the latest = ${method.weight ?? '?'})`;
  if (method?.type === 'DECAYING_AVERAGE') parameters = ` (decay = ${method.decay ?? '?'})`;
  if (method?.type === 'BKT' && method.bkt) {
    const b = method.bkt;
    parameters = ` (pL0 ${b.pL0}, pT ${b.pT}, pG ${b.pG}, pS ${b.pS}, pF ${b.pF})`;
  }
  return (
    <dl className="facts">
      <dt>Method</dt>
      <dd>{method ? `${words(method.type)}${parameters}` : 'Default (highest)'}</dd>
      <dt>Minimum evidence</dt>
      <dd>{policy.minimumEvidence ?? 0}</dd>
      <dt>Manual ratings</dt>
      <dd>{words(policy.manualRatingPrecedence ?? 'UNTIL_NEWER_EVIDENCE')}</dd>
      <dt>Source weights</dt>
      <dd>{weights.length ? weights.map(([source, weight]) => `${words(source)} ${weight}`).join(', ') : 'All 1.0'}</dd>
      <dt>Roll-up</dt>
      <dd>
        {rollUp ? words(rollUp.type) : 'None'}
        {rollUp?.pointsTarget ? `, ${rollUp.pointsTarget} points` : ''}
        {rollUp && rollUp.requiredChildren.length ? `, requires ${rollUp.requiredChildren.join(', ')}` : ''}
      </dd>
      <dt>Mastery expires after</dt>
      <dd>{policy.validityPeriod || 'Never'}</dd>
      <dt>Decay half-life</dt>
      <dd>{policy.decayHalfLife || 'No decay'}</dd>
    </dl>
  );
}

/** The competency tree as nested lists; each node links to its detail page. */
export function CompetencyTree({ nodes, link }: { nodes: TreeNode[]; link: (node: TreeNode) => string }) {
  return (
    <ul className="tree">
      {nodes.map((node) => (
        <li key={node.id}>
          <Link to={link(node)}>
            <code>{node.code}</code> {node.title}
          </Link>
          {node.taxonomyLabel ? <span className="muted"> · {node.taxonomyLabel}</span> : null}
          {node.children.length > 0 ? <CompetencyTree nodes={node.children} link={link} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** A catalogue entry's versions in words: what is published, and a draft waiting to be. */
export function VersionStatusCell({ published, draft }: { published: number; draft: number }) {
  return (
    <td>
      {published > 0 ? `Version ${published} published` : 'Not published'}
      {draft > published ? `, draft ${draft} pending` : ''}
    </td>
  );
}

/** Edit, and Publish while a draft is pending, for one catalogue row named `title`. */
export function EditPublishCell({ title, pending, publishing, onEdit, onPublish }: {
  title: string;
  pending: boolean;
  publishing: boolean;
  onEdit: () => void;
  onPublish: () => void;
}) {
  return (
    <td>
      <div className="button-row">
        <button type="button" onClick={onEdit}>
          Edit<span className="visually-hidden"> {title}</span>
        </button>
        {pending ? (
          <button type="button" disabled={publishing} onClick={onPublish}>
            Publish<span className="visually-hidden"> {title}</span>
          </button>
        ) : null}
      </div>
    </td>
  );
}
