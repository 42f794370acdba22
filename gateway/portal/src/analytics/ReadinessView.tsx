import { QueryView, Empty } from '../shell/States';
import { usePeopleNames } from '../team/hooks';
import { FilterForm, toNumber, useFilters, type FilterKey } from './filters';
import { useCompetencyNames, usePublishedRoleProfiles, useReadiness } from './hooks';
import { CsvLink, unitsAndTeams, ViewSection } from './parts';
import { ReadinessReport } from './ReadinessReport';

const KEYS: readonly FilterKey[] = ['roleProfileId', 'unit', 'teamId', 'groupBy', 'closeThreshold'];

export default function ReadinessView() {
  const filters = useFilters(KEYS);
  const query = filters.roleProfileId
    ? {
      roleProfileId: filters.roleProfileId,
      unit: filters.unit,
      teamId: filters.teamId,
      groupBy: filters.groupBy as 'unit' | 'team' | undefined,
      closeThreshold: toNumber(filters.closeThreshold),
    }
    : undefined;
  const readiness = useReadiness(query);
  const profiles = usePublishedRoleProfiles();
  const frameworkId = profiles.published.find((p) => p.roleProfileId === filters.roleProfileId)?.frameworkId;
  const names = useCompetencyNames([frameworkId]);
  const { units, teams } = unitsAndTeams(readiness.data?.groups ?? []);
  const groupsWithPeople = (readiness.data?.groups ?? []).filter((group) => group.people && group.people.length > 0);
  const people = usePeopleNames(groupsWithPeople.map((group) => group.teamId),
    groupsWithPeople.flatMap((group) => (group.people ?? []).map((person) => person.learnerId)));
  return (
    <ViewSection id="readiness" title="Readiness"
      intro={<p>How many of the people assigned a role profile are ready for it, close to ready or still far, per group.</p>}>
      <FilterForm keys={KEYS} units={units} teams={teams} error={readiness.error} required={['roleProfileId']} />
      {query ? (
        <QueryView query={readiness} loadingLabel="Loading readiness…" isEmpty={(report) => report.groups.length === 0}
          empty={<p>No one is assigned this role profile in these groups.</p>}>
          {(report) => (
            <>
              <ReadinessReport report={report} names={names} people={people} />
              <CsvLink path="/readiness" query={query} fileName="readiness.csv" what="readiness" />
            </>
          )}
        </QueryView>
      ) : (
        <Empty><p>Choose a role profile to see readiness.</p></Empty>
      )}
    </ViewSection>
  );
}
