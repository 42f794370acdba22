import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { assessmentAuthoringApi, type ClientCredentials, type XapiClient } from '../api/assessment-authoring';
import { isApiProblem } from '../api/http';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { TextField } from '../shell/Field';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { QueryView } from '../shell/States';
import { TableScroll } from '../shell/TableScroll';

const KEY = ['admin', 'xapi-clients'];

export default function XapiClientsPage() {
  const client = useQueryClient();
  const clients = useQuery({ queryKey: KEY, queryFn: ({ signal }) => assessmentAuthoringApi.xapiClients(signal) });
  const [credentials, setCredentials] = useState<ClientCredentials | null>(null);
  const [pending, setPending] = useState<{ action: 'rotate' | 'revoke'; client: XapiClient } | null>(null);
  const [name, setName] = useState('');
  const changed = () => client.invalidateQueries({ queryKey: KEY });

  const register = useMutation({
    mutationFn: (clientName: string) => assessmentAuthoringApi.registerXapiClient(clientName),
    onSuccess: (created) => {
      setCredentials(created);
      setName('');
      return changed();
    },
  });
  const revoke = useMutation({
    mutationFn: (key: string) => assessmentAuthoringApi.revokeXapiClient(key),
    onSuccess: () => {
      setPending(null);
      return changed();
    },
  });
  // Rotation is a new client with the same name, then the old one revoked; a failure between the two leaves both.
  const rotate = useMutation({
    mutationFn: async (old: XapiClient) => {
      const created = await assessmentAuthoringApi.registerXapiClient(old.name);
      setCredentials(created);
      await assessmentAuthoringApi.revokeXapiClient(old.key);
      return created;
    },
    onSuccess: () => setPending(null),
    onSettled: () => changed(),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate(name.trim());
  };
  const action = pending?.action === 'rotate' ? rotate : revoke;

  return (
    <Page
      title="xAPI clients"
      intro={<p>Activity providers send xAPI statements with these credentials (HTTP Basic: key and secret).</p>}
      actions={<Link to="/admin">Administration</Link>}
    >
      {credentials ? <NewCredentials credentials={credentials} onDone={() => setCredentials(null)} /> : null}
      <QueryView query={clients} loadingLabel="Loading clients…" isEmpty={(list) => list.length === 0}
        empty={<p>No activity provider is registered yet.</p>}>
        {(list) => (
          <TableScroll label="xAPI clients">
            <table>
              <caption>Registered activity providers</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key</th>
                  <th scope="col">Created</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.name}</th>
                    <td>
                      <code>{c.key}</code>
                    </td>
                    <td>
                      {new Date(c.createdAt).toLocaleString()}
                      {c.createdBy ? ` by ${c.createdBy}` : ''}
                    </td>
                    <td>{c.revoked ? 'Revoked' : 'Active'}</td>
                    <td>
                      {c.revoked ? null : (
                        <div className="button-row">
                          <button type="button" onClick={() => setPending({ action: 'rotate', client: c })}>
                            Rotate<span className="visually-hidden"> {c.name}</span>
                          </button>
                          <button type="button" className="danger" onClick={() => setPending({ action: 'revoke', client: c })}>
                            Revoke<span className="visually-hidden"> {c.name}</span>
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>

      <h2>New client</h2>
      <form onSubmit={submit} noValidate>
        <TextField label="Name" value={name} onChange={setName} error={register.error} field="name" required
          hint="Who sends the statements, such as the LMS's name." />
        {register.isError ? <ProblemMessage error={register.error} title="The client was not created." /> : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={register.isPending}>
            {register.isPending ? 'Creating…' : 'Create client'}
          </button>
        </div>
      </form>

      {pending ? (
        <ConfirmDialog
          title={pending.action === 'rotate' ? `Rotate the credentials of ${pending.client.name}?` : `Revoke ${pending.client.name}?`}
          confirmLabel={pending.action === 'rotate' ? 'Rotate credentials' : 'Revoke client'}
          danger
          busy={action.isPending}
          error={action.error ? rotationError(pending.action, action.error) : undefined}
          onCancel={() => {
            rotate.reset();
            revoke.reset();
            setPending(null);
          }}
          onConfirm={() => (pending.action === 'rotate' ? rotate.mutate(pending.client) : revoke.mutate(pending.client.key))}
        >
          {pending.action === 'rotate' ? (
            <p>
              A new client named “{pending.client.name}” is created and key <code>{pending.client.key}</code> is revoked at once.
              The provider must switch to the new key and secret.
            </p>
          ) : (
            <p>
              Key <code>{pending.client.key}</code> stops working at once; statements sent with it are refused.
            </p>
          )}
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}

function rotationError(action: 'rotate' | 'revoke', error: unknown): unknown {
  if (action === 'rotate' && isApiProblem(error) && error.status === 404) {
    return new Error('The new client was created, but the old key was already gone.');
  }
  return error;
}

function NewCredentials({ credentials, onDone }: { credentials: ClientCredentials; onDone: () => void }) {
  return (
    <section className="notice" aria-labelledby="credentials-title">
      <h2 id="credentials-title">Credentials of {credentials.name}</h2>
      <p>
        <strong>Copy the secret now: it is shown only this once.</strong>
      </p>
      <dl className="facts">
        <dt>Key</dt>
        <dd>
          <code>{credentials.key}</code>
        </dd>
        <dt>Secret</dt>
        <dd>
          <code>{credentials.secret}</code>
        </dd>
      </dl>
      <div className="button-row">
        <button type="button" onClick={onDone}>
          I have stored the secret
        </button>
      </div>
    </section>
  );
}
