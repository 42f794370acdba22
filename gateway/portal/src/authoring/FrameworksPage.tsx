import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Page } from '../shell/Page';
import { TextField } from '../shell/Field';
import { ProblemMessage } from '../shell/ProblemMessage';
import { QueryView } from '../shell/States';
import { StatusTag } from './components';
import { useCreateFramework, useFrameworks } from './hooks';
import { TableScroll } from '../shell/TableScroll';

export default function FrameworksPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const frameworks = useFrameworks(q || undefined);
  return (
    <Page
      title="Frameworks"
      intro={<p>Competency frameworks and their versions. Open one to see its tree, edit its draft or publish it.</p>}
      actions={
        <Link className="button" to="/authoring/import">
          Import a CASE package
        </Link>
      }
    >
      <form
        role="search"
        className="button-row"
        onSubmit={(event) => {
          event.preventDefault();
          const value = new FormData(event.currentTarget).get('q');
          setParams(value ? { q: String(value) } : {});
        }}
      >
        <label htmlFor="framework-search" className="visually-hidden">
          Search frameworks
        </label>
        <input id="framework-search" name="q" type="search" defaultValue={q} placeholder="Title or code" />
        <button type="submit">Search</button>
      </form>
      <QueryView
        query={frameworks}
        loadingLabel="Loading frameworks…"
        isEmpty={(list) => list.length === 0}
        empty={<p>{q ? `No framework matches “${q}”.` : 'There are no frameworks yet. Create one below or import a CASE package.'}</p>}
      >
        {(list) => (
          <TableScroll label="Frameworks">
            <table>
              <caption>Frameworks</caption>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Code</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Latest version
                  </th>
                  <th scope="col" className="num">
                    Published version
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((framework) => (
                  <tr key={framework.frameworkId}>
                    <td>
                      <Link to={`/authoring/frameworks/${encodeURIComponent(framework.frameworkId)}`}>{framework.title}</Link>
                    </td>
                    <td>
                      <code>{framework.code}</code>
                    </td>
                    <td>
                      <StatusTag status={framework.status} />
                    </td>
                    <td className="num">{framework.latestVersion}</td>
                    <td className="num">{framework.publishedVersion || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
      <NewFrameworkForm />
    </Page>
  );
}

function NewFrameworkForm() {
  const create = useCreateFramework();
  const navigate = useNavigate();
  const id = useId();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { code: code.trim(), title: title.trim(), description: description.trim() || undefined },
      { onSuccess: (framework) => navigate(`/authoring/frameworks/${encodeURIComponent(framework.frameworkId)}`) },
    );
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>New framework</h2>
      <form onSubmit={submit} noValidate>
        <TextField label="Code" value={code} onChange={setCode} error={create.error} field="code" required
          hint="Short and unique, such as DEV. Competency codes usually start with it." />
        <TextField label="Title" value={title} onChange={setTitle} error={create.error} field="title" required />
        <TextField label="Description" value={description} onChange={setDescription} error={create.error}
          field="description" multiline />
        {create.isError ? <ProblemMessage error={create.error} /> : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create framework'}
          </button>
        </div>
      </form>
    </section>
  );
}
