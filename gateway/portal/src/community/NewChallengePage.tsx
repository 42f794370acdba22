import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { CompetencyHit } from '../api/frameworks';
import { isApiProblem } from '../api/http';
import type { ChallengeGoal, GroupKind } from '../api/community';
import { useCompetencySearch } from '../grading/hooks';
import { TextField } from '../shell/Field';
import { Page } from '../shell/Page';
import { FieldMessage, ProblemMessage } from '../shell/ProblemMessage';
import { Loading } from '../shell/States';
import { useSignedIn } from '../shell/useSession';
import { useStartChallenge } from './hooks';

/** A datetime-local value read as UTC, as the portal's other forms do. */
function utc(value: string): string | null {
  if (!value) {
    return null;
  }
  const parsed = new Date(`${value}Z`);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

/** A challenge for a team the caller manages (admins: any team or unit). The service checks every rule again. */
export default function NewChallengePage() {
  const session = useSignedIn();
  const admin = session.roles.includes('ADMIN');
  const navigate = useNavigate();
  const start = useStartChallenge();
  const [title, setTitle] = useState('');
  const [groupKind, setGroupKind] = useState<GroupKind>('TEAM');
  const [groupId, setGroupId] = useState(session.managedTeams.length === 1 ? session.managedTeams[0]! : '');
  const [goal, setGoal] = useState<ChallengeGoal>('MEMBERS_AT_LEVEL');
  const [competencies, setCompetencies] = useState<CompetencyHit[]>([]);
  const [level, setLevel] = useState('');
  const [target, setTarget] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [onLeaderboard, setOnLeaderboard] = useState(false);
  const ids = { group: useId(), goal: useId(), starts: useId(), ends: useId(), competencies: useId() };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsedTarget = Number.parseInt(target, 10);
    start.mutate(
      {
        title: title.trim(),
        groupKind,
        groupId: groupId.trim(),
        goal,
        competencyIds: competencies.map((hit) => hit.id),
        level: goal === 'MEMBERS_AT_LEVEL' ? level.trim() || null : null,
        target: Number.isNaN(parsedTarget) ? null : parsedTarget,
        startsAt: utc(startsAt),
        endsAt: utc(endsAt),
        onLeaderboard,
      },
      { onSuccess: (created) => navigate(`/challenges#challenge-${created.challengeId}`) },
    );
  };
  const error = start.error;
  const competencyErrors = isApiProblem(error)
    ? error.errors.filter((fieldError) => fieldError.field.startsWith('competencyIds'))
    : [];
  const invalid = (field: string) => (isApiProblem(error) && error.fieldError(field) ? true : undefined);

  return (
    <Page title="New challenge" intro={<p>Set a goal for a team you manage. Every member sees their part and the group's total.</p>}>
      {!admin && session.managedTeams.length === 0 ? (
        <p className="notice">You manage no team, so you cannot set a challenge.</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <TextField label="Title" value={title} onChange={setTitle} error={error} field="title" required />
          {admin ? (
            <fieldset>
              <legend>Group</legend>
              <label className="choice">
                <input type="radio" name="groupKind" checked={groupKind === 'TEAM'} onChange={() => setGroupKind('TEAM')} /> A team
              </label>
              <label className="choice">
                <input type="radio" name="groupKind" checked={groupKind === 'UNIT'} onChange={() => setGroupKind('UNIT')} /> An organisation unit
              </label>
              <TextField label={groupKind === 'TEAM' ? 'Team id' : 'Unit'} value={groupId} onChange={setGroupId} error={error} field="groupId" required />
            </fieldset>
          ) : (
            <div className="field">
              <label htmlFor={ids.group}>Team</label>
              <select id={ids.group} value={groupId} onChange={(event) => setGroupId(event.target.value)} required
                aria-invalid={invalid('groupId')} aria-describedby={invalid('groupId') ? `${ids.group}-error` : undefined}>
                <option value="">Choose a team</option>
                {session.managedTeams.map((team) => <option key={team} value={team}>{team}</option>)}
              </select>
              <FieldMessage id={`${ids.group}-error`} error={error} field="groupId" />
            </div>
          )}
          <div className="field">
            <label htmlFor={ids.goal}>Goal</label>
            <select id={ids.goal} value={goal} onChange={(event) => setGoal(event.target.value as ChallengeGoal)}>
              <option value="MEMBERS_AT_LEVEL">Members at a level on every competency</option>
              <option value="MASTERED_COUNT">Competencies mastered, added up over the members</option>
            </select>
          </div>
          <CompetencyChoice id={ids.competencies} chosen={competencies} onChange={setCompetencies} />
          {competencyErrors.length > 0 ? (
            <ul className="field-error" id={`${ids.competencies}-error`}>
              {competencyErrors.map((fieldError) => {
                const index = /\[(\d+)\]/.exec(fieldError.field)?.[1];
                const hit = index === undefined ? undefined : competencies[Number(index)];
                return <li key={fieldError.field}>{hit ? `${hit.title}: ` : ''}{fieldError.message}</li>;
              })}
            </ul>
          ) : null}
          {goal === 'MEMBERS_AT_LEVEL' ? (
            <TextField label="Level" hint="The level's code on the competencies' scale; reaching it or a higher level counts."
              value={level} onChange={setLevel} error={error} field="level" required />
          ) : null}
          <TextField label={goal === 'MEMBERS_AT_LEVEL' ? 'Target (members)' : 'Target (competencies mastered)'} type="number"
            value={target} onChange={setTarget} error={error} field="target" required />
          <div className="field">
            <label htmlFor={ids.starts}>Starts (UTC)</label>
            <input id={ids.starts} type="datetime-local" value={startsAt} onChange={(event) => setStartsAt(event.target.value)} required
              aria-invalid={invalid('startsAt')} aria-describedby={invalid('startsAt') ? `${ids.starts}-error` : undefined} />
            <FieldMessage id={`${ids.starts}-error`} error={error} field="startsAt" />
          </div>
          <div className="field">
            <label htmlFor={ids.ends}>Ends (UTC)</label>
            <input id={ids.ends} type="datetime-local" value={endsAt} onChange={(event) => setEndsAt(event.target.value)} required
              aria-invalid={invalid('endsAt')} aria-describedby={invalid('endsAt') ? `${ids.ends}-error` : undefined} />
            <FieldMessage id={`${ids.ends}-error`} error={error} field="endsAt" />
          </div>
          <label className="choice">
            <input type="checkbox" checked={onLeaderboard} onChange={(event) => setOnLeaderboard(event.target.checked)} />
            Put it on the leaderboard
          </label>
          {start.isError ? <ProblemMessage error={start.error} title="The challenge was not set." /> : null}
          <div className="button-row">
            <button type="submit" className="button primary" disabled={start.isPending}>Set challenge</button>
          </div>
        </form>
      )}
    </Page>
  );
}

/** Search competencies by name or code and choose several (at most 20). */
function CompetencyChoice({ id, chosen, onChange }: {
  id: string;
  chosen: CompetencyHit[];
  onChange: (next: CompetencyHit[]) => void;
}) {
  const [q, setQ] = useState('');
  const search = useCompetencySearch(q);
  const hits = (search.data ?? []).filter((hit) => hit.status !== 'DRAFT');
  const isChosen = (hit: CompetencyHit) => chosen.some((other) => other.id === hit.id);
  return (
    <fieldset>
      <legend>Competencies</legend>
      {chosen.length > 0 ? (
        <ul className="plain" aria-label="Chosen competencies">
          {chosen.map((hit) => (
            <li key={hit.id}>
              {hit.title} <span className="muted">({hit.code})</span>{' '}
              <button type="button" className="button" onClick={() => onChange(chosen.filter((other) => other.id !== hit.id))}>
                Remove<span className="visually-hidden"> {hit.title}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None chosen yet.</p>
      )}
      <div className="field">
        <label htmlFor={id}>Find a competency</label>
        <input id={id} type="search" value={q} onChange={(event) => setQ(event.target.value)} placeholder="Name or code" />
      </div>
      {q.trim().length < 2 ? null : search.isPending ? (
        <Loading label="Searching…" />
      ) : search.isError ? (
        <ProblemMessage error={search.error} />
      ) : hits.length === 0 ? (
        <p className="muted">No competency matches.</p>
      ) : (
        <ul className="plain">
          {hits.slice(0, 20).map((hit) => (
            <li key={`${hit.frameworkId}/${hit.version}/${hit.id}`}>
              <label className="choice">
                <input type="checkbox" checked={isChosen(hit)} disabled={!isChosen(hit) && chosen.length >= 20}
                  onChange={(event) => onChange(event.target.checked ? [...chosen, hit] : chosen.filter((other) => other.id !== hit.id))} />
                {hit.title} <span className="muted">({hit.code}, version {hit.version})</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
