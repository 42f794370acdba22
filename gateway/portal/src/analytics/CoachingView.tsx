import { Empty } from '../shell/States';
import { Skeleton } from '../shell/Skeleton';
import { CoachingEntries, CoachingProblem } from './CoachingEntries';
import { FilterForm, toNumber, useFilters, type FilterKey } from './filters';
import { usePeopleNames } from '../team/hooks';
import { useCoaching } from './hooks';
import { CsvLink, ViewSection } from './parts';

const KEYS: readonly FilterKey[] = ['teamId', 'unit', 'stalledWeeks', 'expiringDays', 'closeThreshold'];

export default function CoachingView() {
  const filters = useFilters(KEYS);
  const query = {
    teamId: filters.teamId,
    unit: filters.unit,
    stalledWeeks: toNumber(filters.stalledWeeks),
    expiringDays: toNumber(filters.expiringDays),
    closeThreshold: toNumber(filters.closeThreshold),
  };
  const coaching = useCoaching(query);
  const entries = coaching.data?.entries ?? [];
  const teams = [...new Set(entries.map((e) => e.teamId).filter((t): t is string => Boolean(t)))].sort();
  const people = usePeopleNames(teams, entries.map((e) => e.learnerId));
  return (
    <ViewSection id="coaching" title="Coaching list"
      intro={<p>People to talk to: stalled despite new evidence, mastery about to expire, or close to ready for their role.</p>}>
      <FilterForm keys={KEYS} teams={teams} error={coaching.error} />
      {coaching.isPending ? (
        <Skeleton label="Loading the coaching list…" rows={4} />
      ) : coaching.isError ? (
        <CoachingProblem error={coaching.error} />
      ) : coaching.data.entries.length === 0 ? (
        <Empty><p>No one needs coaching right now.</p></Empty>
      ) : (
        <>
          <CoachingEntries entries={coaching.data.entries} names={new Map()} people={people} showTeam />
          <CsvLink path="/coaching" query={query} fileName="coaching-list.csv" what="coaching list" />
        </>
      )}
    </ViewSection>
  );
}
