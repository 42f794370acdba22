// The team's readiness for its members' role profiles and its coaching list, both from the analytics service,
// which shows a manager the people of the teams they manage.
import { useState } from 'react';
import type { TeamMember } from '../api/learners';
import { CoachingEntries, CoachingProblem } from '../analytics/CoachingEntries';
import { useCoaching, useReadiness } from '../analytics/hooks';
import { CsvLink } from '../analytics/parts';
import { ReadinessReport } from '../analytics/ReadinessReport';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Skeleton } from '../shell/Skeleton';
import { Empty } from '../shell/States';

export function TeamReadiness({ teamId, members, names }: {
  teamId: string;
  members: readonly TeamMember[];
  names: ReadonlyMap<string, string>;
}) {
  const people = memberNames(members);
  const profiles = [...new Set(members.map((m) => m.roleProfileId).filter((id): id is string => Boolean(id)))].sort();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const roleProfileId = chosen && profiles.includes(chosen) ? chosen : profiles[0];
  const query = roleProfileId ? { roleProfileId, teamId, groupBy: 'team' as const } : undefined;
  const readiness = useReadiness(query);
  return (
    <section aria-labelledby="team-readiness" className="team-readiness">
      <h2 id="team-readiness">Readiness</h2>
      {!query ? (
        <Empty><p>No member of this team is assigned a role profile yet.</p></Empty>
      ) : (
        <>
          {profiles.length > 1 ? (
            <div className="field no-print">
              <label htmlFor="team-role-profile">Role profile</label>
              <select id="team-role-profile" value={roleProfileId} onChange={(event) => setChosen(event.target.value)}>
                {profiles.map((id) => <option key={id} value={id}>{id}</option>)}
              </select>
            </div>
          ) : null}
          {readiness.isPending ? (
            <Skeleton label="Loading readiness…" rows={3} chart />
          ) : readiness.isError ? (
            <ProblemMessage error={readiness.error} title="The team's readiness could not be loaded." />
          ) : readiness.data.groups.length === 0 ? (
            <Empty><p>No one in this team is assigned this role profile.</p></Empty>
          ) : (
            <>
              <ReadinessReport report={readiness.data} names={names} people={people} />
              <CsvLink path="/readiness" query={query} fileName={`team-${teamId}-readiness.csv`} what="team readiness" />
            </>
          )}
        </>
      )}
    </section>
  );
}

export function TeamCoaching({ teamId, members, names }: {
  teamId: string;
  members: readonly TeamMember[];
  names: ReadonlyMap<string, string>;
}) {
  const people = memberNames(members);
  const query = { teamId };
  const coaching = useCoaching(query);
  return (
    <section aria-labelledby="team-coaching" className="coaching">
      <h2 id="team-coaching">Coaching</h2>
      {coaching.isPending ? (
        <Skeleton label="Loading the coaching list…" rows={3} />
      ) : coaching.isError ? (
        <CoachingProblem error={coaching.error} />
      ) : coaching.data.entries.length === 0 ? (
        <Empty><p>No one in this team needs coaching right now.</p></Empty>
      ) : (
        <>
          <CoachingEntries entries={coaching.data.entries} names={names} people={people} />
          <CsvLink path="/coaching" query={query} fileName={`team-${teamId}-coaching.csv`} what="coaching list" />
        </>
      )}
    </section>
  );
}

/** The members' names as learner-profiles gives them with the team: analytics knows people by id only. */
function memberNames(members: readonly TeamMember[]): ReadonlyMap<string, string> {
  return new Map(members.flatMap((member) => (member.displayName ? [[member.learnerId, member.displayName] as const] : [])));
}
