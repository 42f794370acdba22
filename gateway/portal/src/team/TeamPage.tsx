import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCatalog } from '../learner/hooks';
import { formatDateTime, formatPercent } from '../shell/format';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Skeleton } from '../shell/Skeleton';
import { Empty } from '../shell/States';
import { useSignedIn } from '../shell/useSession';
import { buildHeatmap } from './heatmap';
import { useTeam, useTeamLevels } from './hooks';
import { TeamCoaching, TeamReadiness } from './TeamAnalytics';
import { TeamHeatmap } from './TeamHeatmap';

export default function TeamPage() {
  const session = useSignedIn();
  const teamId = useParams().teamId ?? (session.managedTeams.length === 1 ? session.managedTeams[0] : undefined);
  if (!teamId) {
    return (
      <Page title="Team">
        {session.managedTeams.length === 0 ? (
          <Empty><p>You do not manage a team yet.</p></Empty>
        ) : (
          <>
            <p>Choose a team:</p>
            <ul>
              {session.managedTeams.map((team) => (
                <li key={team}><Link to={`/team/${encodeURIComponent(team)}`}>Team {team}</Link></li>
              ))}
            </ul>
          </>
        )}
      </Page>
    );
  }
  return <TeamReport teamId={teamId} />;
}

function TeamReport({ teamId }: { teamId: string }) {
  const team = useTeam(teamId);
  const members = team.data?.members ?? [];
  const levels = useTeamLevels(teamId, members.map((m) => m.learnerId));
  const refs = [...levels.levels.values()].flatMap((member) => member.competencies.map((m) => ({
    frameworkId: m.frameworkId,
    frameworkVersion: m.frameworkVersion,
  })));
  const { catalog, loading } = useCatalog(refs);
  const [now] = useState(() => new Date());
  const heatmap = buildHeatmap(members, levels.levels, catalog);
  const names = new Map(heatmap.columns.map((column) => [column.competencyId, column.title]));
  return (
    <Page
      title="Team"
      actions={<button type="button" className="button no-print" onClick={() => window.print()}>Print team report</button>}
    >
      <div className="team-report">
        <p className="print-only">
          Team report for team {teamId}, levels as of {formatDateTime(levels.asOf ?? now.toISOString())}.
        </p>
        {team.isPending ? (
          <Skeleton label="Loading the team…" rows={5} />
        ) : team.isError ? (
          <ProblemMessage error={team.error} />
        ) : members.length === 0 ? (
          <Empty><p>This team has no members yet.</p></Empty>
        ) : (
          <>
            <p>
              {team.data.memberCount} member{team.data.memberCount === 1 ? '' : 's'}, average readiness{' '}
              {formatPercent(team.data.averageReadiness)}.
            </p>
            <h2>Competency heatmap</h2>
            {levels.pending || loading ? (
              <Skeleton label="Loading levels…" rows={Math.min(members.length, 8)} />
            ) : levels.error ? (
              <ProblemMessage error={levels.error} title="The team's levels could not be loaded." />
            ) : (
              <>
                {levels.failed > 0 ? (
                  <p className="notice">
                    The levels of {levels.failed} member{levels.failed === 1 ? '' : 's'} could not be loaded; they show as Unknown.
                  </p>
                ) : null}
                <TeamHeatmap heatmap={heatmap} />
              </>
            )}
            <TeamReadiness teamId={teamId} members={members} names={names} />
            <TeamCoaching teamId={teamId} members={members} names={names} />
          </>
        )}
      </div>
    </Page>
  );
}
