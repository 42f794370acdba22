import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { analyticsApi, type AnalyticsRebuild } from '../api/analytics';
import { assessmentAuthoringApi, type RebuildStatus } from '../api/assessment-authoring';
import { frameworksAuthoringApi, type FrameworksRebuildResult } from '../api/framework-authoring';
import { learnerAdminApi } from '../api/learner-admin';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Loading } from '../shell/States';
import { formatDateTime } from '../shell/format';
import { TableScroll } from '../shell/TableScroll';

export default function AdminPage() {
  return (
    <Page title="Administration">
      <ul className="cards">
        <li className="card">
          <h2>
            <Link to="/admin/xapi-clients">xAPI clients</Link>
          </h2>
          <p>Activity providers that may send xAPI statements: create, rotate and revoke their credentials.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/learners">Learners</Link>
          </h2>
          <p>Register learners, assign their team and role profile, erase a learner.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/policy-preview">Policy preview</Link>
          </h2>
          <p>Who would change level if a framework's draft were published.</p>
        </li>
      </ul>
      <RebuildSection />
    </Page>
  );
}

type Service = 'learners' | 'assessments' | 'frameworks' | 'analytics';

const STATUS_SOURCES = {
  learners: { label: 'Learner profiles', status: learnerAdminApi.rebuildStatus, rebuild: learnerAdminApi.rebuild },
  assessments: { label: 'Assessments', status: assessmentAuthoringApi.rebuildStatus, rebuild: assessmentAuthoringApi.rebuild },
} as const;

function RebuildSection() {
  const [confirm, setConfirm] = useState<Service | null>(null);
  const [frameworksResult, setFrameworksResult] = useState<FrameworksRebuildResult | null>(null);
  const client = useQueryClient();
  const rebuild = useMutation({
    mutationFn: async (service: Service): Promise<FrameworksRebuildResult | RebuildStatus | AnalyticsRebuild> =>
      service === 'frameworks' ? frameworksAuthoringApi.rebuild()
        : service === 'analytics' ? analyticsApi.rebuild() : STATUS_SOURCES[service].rebuild(),
    onSuccess: (result) => {
      setConfirm(null);
      if ('readModels' in result) {
        setFrameworksResult(result);
      }
      return client.invalidateQueries({ queryKey: ['admin', 'rebuild'] });
    },
  });
  return (
    <section aria-labelledby="rebuild-title">
      <h2 id="rebuild-title">Read-model rebuild</h2>
      <p>Each service can drop its read models and rebuild them from its event store.</p>
      <TableScroll label="Rebuild status">
        <table>
          <caption>Rebuild status per service</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(STATUS_SOURCES) as (keyof typeof STATUS_SOURCES)[]).map((service) => (
              <tr key={service}>
                <th scope="row">{STATUS_SOURCES[service].label}</th>
                <td>
                  <StatusCell service={service} />
                </td>
                <td>
                  <button type="button" onClick={() => setConfirm(service)}>
                    Rebuild<span className="visually-hidden"> {STATUS_SOURCES[service].label}</span>
                  </button>
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row">Frameworks</th>
              <td>
                {frameworksResult
                  ? `Rebuilt ${frameworksResult.readModels.length} read models from ${frameworksResult.eventsReplayed} events in ${frameworksResult.millis} ms.`
                  : 'The service reports no status; a rebuild runs while you wait and reports when done.'}
              </td>
              <td>
                <button type="button" onClick={() => setConfirm('frameworks')}>
                  Rebuild<span className="visually-hidden"> Frameworks</span>
                </button>
              </td>
            </tr>
            <tr>
              <th scope="row">Analytics</th>
              <td>
                <AnalyticsStatusCell />
              </td>
              <td>
                <button type="button" onClick={() => setConfirm('analytics')}>
                  Rebuild<span className="visually-hidden"> Analytics</span>
                </button>
              </td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      {confirm ? (
        <ConfirmDialog
          title={`Rebuild the read models of ${serviceLabel(confirm)}?`}
          confirmLabel="Rebuild"
          busy={rebuild.isPending}
          error={rebuild.error}
          onCancel={() => {
            rebuild.reset();
            setConfirm(null);
          }}
          onConfirm={() => rebuild.mutate(confirm)}
        >
          {confirm === 'analytics' ? (
            <p>Its read models are dropped and rebuilt by reading the platform's topics from the start; until it is done, its answers may be incomplete.</p>
          ) : (
            <p>Its read models are dropped and replayed from the event store; until the replay catches up, its answers may be incomplete.</p>
          )}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function serviceLabel(service: Service): string {
  return service === 'frameworks' ? 'Frameworks' : service === 'analytics' ? 'Analytics' : STATUS_SOURCES[service].label;
}

function describe(status: RebuildStatus): string {
  if (status.replaying) {
    return `Replaying: ${Math.round(status.percentDone)} % done (${status.readUpTo ?? 0} of ${status.head ?? '?'} events).`;
  }
  const since = status.lastRebuildStartedAt ? ` Last rebuild started ${new Date(status.lastRebuildStartedAt).toLocaleString()}.` : '';
  if (!status.running) {
    return `Processor ${status.processor} is not running.${since}`;
  }
  return `${status.caughtUp ? 'Up to date' : 'Catching up'} (${status.readUpTo ?? 0} of ${status.head ?? '?'} events).${since}`;
}

function StatusCell({ service }: { service: keyof typeof STATUS_SOURCES }) {
  const query = useQuery({
    queryKey: ['admin', 'rebuild', service],
    queryFn: ({ signal }) => STATUS_SOURCES[service].status(signal),
    refetchInterval: (q) => (q.state.data?.replaying ? 2000 : false),
  });
  if (query.isPending) {
    return <Loading label="Checking…" />;
  }
  if (query.isError) {
    return <ProblemMessage error={query.error} />;
  }
  return <>{describe(query.data)}</>;
}

/** The analytics rebuild reads the topics again from the start; while it runs, its progress is polled. */
function AnalyticsStatusCell() {
  const query = useQuery({
    queryKey: ['admin', 'rebuild', 'analytics'],
    queryFn: ({ signal }) => analyticsApi.rebuildStatus(signal),
    refetchInterval: (q) => (q.state.data?.state === 'RUNNING' ? 2000 : false),
  });
  if (query.isPending) {
    return <Loading label="Checking…" />;
  }
  if (query.isError) {
    return <ProblemMessage error={query.error} />;
  }
  const status = query.data;
  const events = status.eventsRead !== null && status.eventsTotal !== null ? ` (${status.eventsRead} of ${status.eventsTotal} events)` : '';
  switch (status.state) {
    case 'RUNNING': {
      const percent = Math.round(status.percentDone ?? 0);
      return (
        <span className="rebuild-progress" role="status">
          <progress max={100} value={percent} aria-label="Analytics rebuild progress">{percent} %</progress>
          Rebuilding: {percent} % done{events}.
        </span>
      );
    }
    case 'DONE':
      return <>Rebuilt{events}, finished {formatDateTime(status.finishedAt)}.</>;
    case 'FAILED':
      return <>The last rebuild failed{status.finishedAt ? ` at ${formatDateTime(status.finishedAt)}` : ''}{events}. Start it again.</>;
    default:
      return <>No rebuild is running.</>;
  }
}
