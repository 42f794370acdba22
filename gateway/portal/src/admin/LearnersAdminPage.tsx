import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { frameworksAuthoringApi } from '../api/framework-authoring';
import { learnersApi } from '../api/learners';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { TextField } from '../shell/Field';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';

export default function LearnersAdminPage() {
  return (
    <Page
      title="Learners"
      intro={<p>The platform has no list of learners to browse: each action names the learner by id.</p>}
      actions={<Link to="/admin">Administration</Link>}
    >
      <RegisterForm />
      <TeamForm />
      <RoleForm />
      <EraseForm />
    </Page>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Outcome({ mutation, failed, done }: {
  mutation: { isError: boolean; isSuccess: boolean; error: unknown };
  failed: string;
  done: string;
}) {
  if (mutation.isError) {
    return <ProblemMessage error={mutation.error} title={failed} />;
  }
  return mutation.isSuccess ? (
    <p className="success" role="status">
      {done}
    </p>
  ) : null;
}

function RegisterForm() {
  const [learnerId, setLearnerId] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [unit, setUnit] = useState('');
  const register = useMutation({ mutationFn: learnersApi.register });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate({
      learnerId: learnerId.trim(),
      displayName: displayName.trim(),
      email: email.trim() || undefined,
      organisationUnit: unit.trim() || undefined,
    });
  };
  return (
    <Section title="Register a learner">
      <form onSubmit={submit} noValidate>
        <TextField label="Learner id" value={learnerId} onChange={setLearnerId} error={register.error} field="learnerId" required
          hint="The subject of the learner's account at the identity provider." />
        <TextField label="Display name" value={displayName} onChange={setDisplayName} error={register.error} field="displayName" required />
        <TextField label="Email" value={email} onChange={setEmail} error={register.error} field="email" />
        <TextField label="Organisation unit" value={unit} onChange={setUnit} error={register.error} field="organisationUnit" />
        <Outcome mutation={register} failed="The learner was not registered." done={`${register.data?.learnerId ?? 'The learner'} is registered.`} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={register.isPending}>
            Register learner
          </button>
        </div>
      </form>
    </Section>
  );
}

function TeamForm() {
  const [learnerId, setLearnerId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [managerId, setManagerId] = useState('');
  const change = useMutation({
    mutationFn: () => learnersApi.changeTeam(learnerId.trim(), teamId.trim(), managerId.trim() || undefined),
  });
  return (
    <Section title="Assign a team">
      <form onSubmit={(event) => { event.preventDefault(); change.mutate(); }} noValidate>
        <TextField label="Learner id" value={learnerId} onChange={setLearnerId} required />
        <TextField label="Team id" value={teamId} onChange={setTeamId} error={change.error} field="teamId" required />
        <TextField label="Manager id (optional)" value={managerId} onChange={setManagerId} error={change.error} field="managerId" />
        <Outcome mutation={change} failed="The team was not assigned." done="The team is assigned." />
        <div className="button-row">
          <button type="submit" className="primary" disabled={change.isPending}>
            Assign team
          </button>
        </div>
      </form>
    </Section>
  );
}

function RoleForm() {
  const profiles = useQuery({
    queryKey: ['role-profiles'],
    queryFn: ({ signal }) => frameworksAuthoringApi.roleProfiles(undefined, signal),
  });
  const published = (profiles.data ?? []).filter((p) => p.publishedVersion > 0);
  const [learnerId, setLearnerId] = useState('');
  const [roleProfileId, setRoleProfileId] = useState('');
  const chosen = published.find((p) => p.roleProfileId === roleProfileId);
  const assign = useMutation({
    mutationFn: () => learnersApi.assignRole(learnerId.trim(), roleProfileId, chosen?.publishedVersion),
  });
  return (
    <Section title="Assign a role profile">
      <form onSubmit={(event) => { event.preventDefault(); assign.mutate(); }} noValidate>
        <TextField label="Learner id" value={learnerId} onChange={setLearnerId} required />
        <div className="field">
          <label htmlFor="role-profile">Role profile</label>
          <select id="role-profile" value={roleProfileId} onChange={(event) => setRoleProfileId(event.target.value)}>
            <option value="">{profiles.isPending ? 'Loading…' : 'Choose a published role profile'}</option>
            {published.map((p) => (
              <option key={p.roleProfileId} value={p.roleProfileId}>
                {p.title} (version {p.publishedVersion})
              </option>
            ))}
          </select>
        </div>
        {profiles.isError ? <ProblemMessage error={profiles.error} title="The role profiles could not be loaded." /> : null}
        <Outcome mutation={assign} failed="The role profile was not assigned." done="The role profile is assigned." />
        <div className="button-row">
          <button type="submit" className="primary" disabled={!roleProfileId || assign.isPending}>
            Assign role profile
          </button>
        </div>
      </form>
    </Section>
  );
}

function EraseForm() {
  const [learnerId, setLearnerId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [erased, setErased] = useState<string | null>(null);
  const erase = useMutation({
    mutationFn: (id: string) => learnersApi.erase(id),
    onSuccess: (_, id) => {
      setErased(id);
      setConfirming(false);
      setLearnerId('');
    },
  });
  const id = learnerId.trim();
  return (
    <Section title="Erase a learner">
      <p>
        Erasing drops the learner's profile, mastery and evidence timeline, and tells every other service to drop theirs.
        It cannot be undone.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setErased(null);
          erase.reset();
          setConfirming(true);
        }}
        noValidate
      >
        <TextField label="Learner id to erase" value={learnerId} onChange={setLearnerId} required />
        <div className="button-row">
          <button type="submit" className="danger" disabled={!id}>
            Erase learner…
          </button>
        </div>
      </form>
      {erased ? (
        <p className="success" role="status">
          {erased} is erased.
        </p>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={`Erase ${id}?`}
          confirmLabel="Erase learner"
          danger
          requireText={id}
          busy={erase.isPending}
          error={erase.error}
          onCancel={() => {
            erase.reset();
            setConfirming(false);
          }}
          onConfirm={() => erase.mutate(id)}
        >
          <p>Every record of this learner is removed from every service.</p>
        </ConfirmDialog>
      ) : null}
    </Section>
  );
}
