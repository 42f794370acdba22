// The coaching list: people who have stalled, whose mastery is about to expire, or who are close to ready, each
// with the reason the service gives and links to their pages.
import { Link } from 'react-router';
import type { CoachingEntry, CoachingKind } from '../api/analytics';
import { isApiProblem } from '../api/http';
import { formatDate } from '../shell/format';
import { ProblemMessage } from '../shell/ProblemMessage';

const KINDS: readonly { kind: CoachingKind; title: string; none: string }[] = [
  { kind: 'STALLED', title: 'Stalled', none: 'No one has stalled.' },
  { kind: 'EXPIRING', title: 'Expiring', none: 'No mastery is about to expire.' },
  { kind: 'CLOSE_TO_READY', title: 'Close to ready', none: 'No one is close to ready.' },
];

export function CoachingEntries({ entries, names, people, showTeam = false }: {
  entries: readonly CoachingEntry[];
  /** Competency names by id. */
  names: ReadonlyMap<string, string>;
  /** People's names by learnerId, from learner-profiles; someone not in it is shown by their id. */
  people: ReadonlyMap<string, string>;
  showTeam?: boolean;
}) {
  return (
    <>
      {KINDS.map(({ kind, title, none }) => {
        const list = entries.filter((entry) => entry.kind === kind);
        return (
          <section key={kind} aria-labelledby={`coaching-${kind}`}>
            <h3 id={`coaching-${kind}`}>{title} <span className="muted">({list.length})</span></h3>
            {list.length === 0 ? (
              <p className="muted">{none}</p>
            ) : (
              <ul className="coaching-list">
                {list.map((entry, index) => <Entry key={`${entry.learnerId}-${entry.competencyId ?? entry.roleProfileId ?? index}`}
                  entry={entry} names={names} people={people} showTeam={showTeam} />)}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

function Entry({ entry, names, people, showTeam }: {
  entry: CoachingEntry;
  names: ReadonlyMap<string, string>;
  people: ReadonlyMap<string, string>;
  showTeam: boolean;
}) {
  const learner = `/learners/${encodeURIComponent(entry.learnerId)}`;
  const who = people.get(entry.learnerId) ?? entry.learnerId;
  return (
    <li>
      <Link to={learner}>{who}</Link>
      {showTeam && entry.teamId ? <span className="muted"> (team {entry.teamId})</span> : null}
      {entry.competencyId ? <>{' · '}<Link to={`${learner}/competencies/${encodeURIComponent(entry.competencyId)}`}>
        {names.get(entry.competencyId) ?? entry.competencyId}<span className="visually-hidden">: why {who} has this level</span>
      </Link></> : null}
      {entry.roleProfileId ? <>{' · '}<Link to={`${learner}/gaps`}>gaps and next steps<span className="visually-hidden"> of {who}</span></Link></> : null}
      <p className="coaching-reason">
        {entry.reason}
        {entry.since ? <span className="muted"> Since {formatDate(entry.since)}.</span> : null}
        {entry.expiresAt ? <span className="muted"> Expires {formatDate(entry.expiresAt)}.</span> : null}
      </p>
    </li>
  );
}

/** The coaching list names people: a 403 says who may see it instead of a bare refusal. */
export function CoachingProblem({ error }: { error: unknown }) {
  if (isApiProblem(error) && error.status === 403) {
    return <ProblemMessage error={error} title="The coaching list names people: only the managers of a team and administrators may see it." />;
  }
  return <ProblemMessage error={error} title="The coaching list could not be loaded." />;
}
