import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import type { Challenge, ChallengeStatus, Leaderboard } from '../api/community';
import { useCompetencyNamesInView } from '../analytics/hooks';
import { formatDateTime, formatPercent } from '../shell/format';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { hasAnyRole } from '../shell/roles';
import { Skeleton } from '../shell/Skeleton';
import { TableScroll } from '../shell/TableScroll';
import { useSignedIn } from '../shell/useSession';
import { usePeopleNames } from '../team/hooks';
import { useChallenges, useLeaderboard } from './hooks';
import { PeopleLabels } from './people';

export const STATUS_LABELS: Record<ChallengeStatus, string> = {
  UPCOMING: 'Upcoming',
  RUNNING: 'Running',
  MET: 'Met',
  MISSED: 'Missed',
};

export function goalText(challenge: Pick<Challenge, 'goal' | 'level' | 'target' | 'competencyIds'>): string {
  const count = challenge.competencyIds.length;
  const competencies = `${count} ${count === 1 ? 'competency' : 'competencies'}`;
  return challenge.goal === 'MEMBERS_AT_LEVEL'
    ? `${challenge.target} members at level ${challenge.level ?? '—'} or above on ${count === 1 ? 'the competency' : `all ${competencies}`}`
    : `${challenge.target} competencies mastered between the members, of ${competencies}`;
}

/** The caller's own team reads "Your team"; learner-profiles gives teams no names, so other teams go by their id. */
function groupText(kind: string, id: string, myTeam: string | null): string {
  if (kind === 'UNIT') {
    return `Unit ${id}`;
  }
  return id === myTeam ? 'Your team' : `Team ${id}`;
}

/**
 * The challenges of the caller's groups, each with the group's total and every member's part, and the leaderboard.
 * Competencies are named by code and title from the frameworks' published versions. The community service knows
 * members by id only: a manager (of the team) or an admin sees the names of the team's members from learner-profiles;
 * everyone else sees "You" for themselves and "Member n" for the others.
 */
export default function ChallengesPage() {
  const session = useSignedIn();
  const challenges = useChallenges();
  const leaderboard = useLeaderboard();
  const competencyNames = useCompetencyNamesInView(undefined);
  const namedTeams = (challenges.data ?? []).filter((challenge) => challenge.groupKind === 'TEAM'
    && (session.roles.includes('ADMIN') || session.managedTeams.includes(challenge.groupId)));
  const peopleNames = usePeopleNames(namedTeams.map((challenge) => challenge.groupId),
    namedTeams.flatMap((challenge) => challenge.contributions.map((contribution) => contribution.learnerId)));
  const location = useLocation();
  useEffect(() => {
    if (location.hash && challenges.isSuccess) {
      document.getElementById(location.hash.slice(1))?.focus();
    }
  }, [location.hash, challenges.isSuccess]);
  const setter = hasAnyRole(session.roles, ['MANAGER', 'ADMIN']);
  return (
    <Page title="Challenges" actions={setter ? <Link className="button primary" to="/challenges/new">New challenge</Link> : null}>
      {challenges.isPending ? (
        <Skeleton label="Loading challenges…" rows={4} />
      ) : challenges.isError ? (
        <ProblemMessage error={challenges.error} />
      ) : challenges.data.length === 0 ? (
        <p className="muted">No challenge for your team or unit yet.</p>
      ) : (
        challenges.data.map((challenge) => (
          <ChallengeCard key={challenge.challengeId} challenge={challenge} me={session.subject} myTeam={session.teamId}
            competencyNames={competencyNames} peopleNames={peopleNames} />
        ))
      )}
      <section aria-labelledby="leaderboard-heading">
        <h2 id="leaderboard-heading">Leaderboard</h2>
        {leaderboard.isPending ? (
          <Skeleton label="Loading the leaderboard…" rows={3} />
        ) : leaderboard.isError ? (
          <ProblemMessage error={leaderboard.error} />
        ) : (
          <LeaderboardTable board={leaderboard.data} myTeam={session.teamId} />
        )}
      </section>
    </Page>
  );
}

function ChallengeCard({ challenge, me, myTeam, competencyNames, peopleNames }: {
  challenge: Challenge;
  me: string;
  myTeam: string | null;
  competencyNames: ReadonlyMap<string, string>;
  peopleNames: ReadonlyMap<string, string>;
}) {
  const headingId = `challenge-${challenge.challengeId}-heading`;
  const people = new PeopleLabels(me, peopleNames);
  const mine = challenge.contributions.find((contribution) => contribution.learnerId === me);
  return (
    <section id={`challenge-${challenge.challengeId}`} tabIndex={-1} className="card challenge" aria-labelledby={headingId}>
      <h2 id={headingId}>{challenge.title}</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd><span className={`status status-${challenge.status.toLowerCase()}`}>{STATUS_LABELS[challenge.status]}</span></dd>
        <dt>Group</dt>
        <dd>{groupText(challenge.groupKind, challenge.groupId, myTeam)}</dd>
        <dt>Goal</dt>
        <dd>{goalText(challenge)}</dd>
        <dt>Competencies</dt>
        <dd>
          <ul className="plain-list competency-list">
            {challenge.competencyIds.map((id) => <li key={id}>{competencyNames.get(id) ?? id}</li>)}
          </ul>
        </dd>
        <dt>When</dt>
        <dd>{formatDateTime(challenge.startsAt)} to {formatDateTime(challenge.endsAt)}</dd>
        <dt>Group total</dt>
        <dd>
          {challenge.total} of {challenge.target}{' '}
          <progress max={challenge.target} value={Math.min(challenge.total, challenge.target)}
            aria-label={`${challenge.title}: ${challenge.total} of ${challenge.target}`} />
        </dd>
        {mine ? (
          <>
            <dt>Your contribution</dt>
            <dd>{mine.count}</dd>
          </>
        ) : null}
      </dl>
      {challenge.contributions.length > 0 ? (
        <TableScroll label={`Contributions to ${challenge.title}`}>
          <table>
            <caption>Each member's contribution</caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col" className="num">Contribution</th>
              </tr>
            </thead>
            <tbody>
              {challenge.contributions.map((contribution) => (
                <tr key={contribution.learnerId}>
                  <th scope="row">{people.label(contribution.learnerId)}</th>
                  <td className="num">{contribution.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">No member counts yet.</p>
      )}
    </section>
  );
}

function LeaderboardTable({ board, myTeam }: { board: Leaderboard; myTeam: string | null }) {
  return (
    <>
      {board.entries.length === 0 ? (
        <p className="muted">No challenge is on the leaderboard yet.</p>
      ) : (
        <TableScroll label="Leaderboard">
          <table>
            <caption>Challenges on the leaderboard, by share of the target reached</caption>
            <thead>
              <tr>
                <th scope="col" className="num">Rank</th>
                <th scope="col">Challenge</th>
                <th scope="col" className="wide-only">Group</th>
                <th scope="col" className="wide-only">Status</th>
                <th scope="col" className="num">Reached</th>
              </tr>
            </thead>
            <tbody>
              {board.entries.map((entry) => (
                <tr key={entry.challengeId}>
                  <td className="num">{entry.rank}</td>
                  <th scope="row">
                    {entry.title}{' '}
                    <span className="narrow-only muted">
                      {groupText(entry.groupKind, entry.groupId, myTeam)}, {STATUS_LABELS[entry.status].toLowerCase()}
                    </span>
                  </th>
                  <td className="wide-only">{groupText(entry.groupKind, entry.groupId, myTeam)}</td>
                  <td className="wide-only">{STATUS_LABELS[entry.status]}</td>
                  <td className="num">
                    <span className="nowrap">{entry.total} of {entry.target}</span>{' '}
                    <span className="nowrap">({formatPercent(entry.share)})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {board.hiddenGroups > 0 ? (
        <p className="muted">
          {board.hiddenGroups} {board.hiddenGroups === 1 ? 'group is' : 'groups are'} not shown: fewer than {board.minimumGroupSize} people.
        </p>
      ) : null}
    </>
  );
}
