import { useState, type FormEvent } from 'react';
import { RESOURCE_TYPES, type ResourceDefinition, type ResourceType, type ResourceView } from '../api/framework-authoring';
import { TextField } from '../shell/Field';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Loading, QueryView } from '../shell/States';
import { EditPublishCell, VersionStatusCell, words } from './components';
import { FrameworkCompetencyPicker } from './FrameworkCompetencyPicker';
import { useFrameworks, usePublishResource, useResources, useSaveResource, useVersion } from './hooks';
import { newTarget, TargetsEditor, type TargetRow } from './TargetsEditor';
import { TableScroll } from '../shell/TableScroll';

export default function ResourcesPage() {
  const resources = useResources();
  const publish = usePublishResource();
  const [editing, setEditing] = useState<ResourceView | 'new' | null>(null);
  return (
    <Page title="Learning resources" intro={<p>Courses, articles and other resources that recommendations point learners to.</p>}>
      <QueryView query={resources} loadingLabel="Loading resources…" isEmpty={(list) => list.length === 0}
        empty={<p>There are no learning resources yet.</p>}>
        {(list) => (
          <TableScroll label="Learning resources">
            <table>
              <caption>Learning resources</caption>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Type</th>
                  <th scope="col">Competencies</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => {
                  const definition = r.draft ?? r.published;
                  const pending = r.draftVersion > r.publishedVersion;
                  return (
                    <tr key={r.resourceId}>
                      <th scope="row">
                        {definition?.url ? <a href={definition.url} rel="noreferrer noopener" target="_blank">{r.title}</a> : r.title}
                      </th>
                      <td>{definition ? words(definition.type) : '—'}</td>
                      <td className="num">{definition?.competencies.length ?? 0}</td>
                      <VersionStatusCell published={r.publishedVersion} draft={r.draftVersion} />
                      <EditPublishCell
                        title={r.title}
                        pending={pending}
                        publishing={publish.isPending}
                        onEdit={() => setEditing(r)}
                        onPublish={() => publish.mutate(r.resourceId)}
                      />
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
      {publish.isError ? <ProblemMessage error={publish.error} title="The resource was not published." /> : null}
      {editing ? (
        <ResourceForm key={editing === 'new' ? 'new' : editing.resourceId} resource={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
      ) : (
        <div className="button-row">
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            New learning resource
          </button>
        </div>
      )}
    </Page>
  );
}

function ResourceForm({ resource, onDone }: { resource?: ResourceView; onDone: () => void }) {
  const start = resource?.draft ?? resource?.published;
  const save = useSaveResource();
  const frameworks = useFrameworks();
  const [title, setTitle] = useState(start?.title ?? '');
  const [url, setUrl] = useState(start?.url ?? '');
  const [type, setType] = useState<ResourceType>(start?.type ?? 'COURSE');
  const [duration, setDuration] = useState(start?.duration ?? '');
  const [frameworkId, setFrameworkId] = useState(start?.frameworkId ?? '');
  const framework = frameworks.data?.find((f) => f.frameworkId === frameworkId);
  const view = useVersion(frameworkId || undefined, framework?.publishedVersion || undefined);
  const [rows, setRows] = useState<TargetRow[]>(() => (start?.competencies ?? []).map((t) => newTarget(t.competencyId, t.targetLevel)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const definition: ResourceDefinition = {
      title: title.trim(),
      url: url.trim(),
      type,
      duration: duration.trim() || null,
      frameworkId,
      competencies: rows.map((row) => ({ competencyId: row.competencyId, targetLevel: row.targetLevel })),
    };
    save.mutate({ resourceId: resource?.resourceId, definition }, { onSuccess: onDone });
  };
  return (
    <section aria-labelledby="resource-form">
      <h2 id="resource-form">{resource ? `Edit ${resource.title}` : 'New learning resource'}</h2>
      <form onSubmit={submit} noValidate>
        <TextField label="Title" value={title} onChange={setTitle} error={save.error} field="title" required />
        <TextField label="Address (URL)" type="url" value={url} onChange={setUrl} error={save.error} field="url" required />
        <div className="field">
          <label htmlFor="resource-type">Type</label>
          <select id="resource-type" value={type} onChange={(event) => setType(event.target.value as ResourceType)}>
            {RESOURCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {words(t)}
              </option>
            ))}
          </select>
        </div>
        <TextField label="Expected effort" value={duration} onChange={setDuration} error={save.error} field="duration"
          hint="An ISO 8601 duration such as PT45M." />
        <FrameworkCompetencyPicker frameworkId={frameworkId} onFramework={(f) => { setFrameworkId(f?.frameworkId ?? ''); setRows([]); }} />
        {frameworkId ? (
          view.data ? (
            <TargetsEditor caption="Competencies it helps with" view={view.data} rows={rows} onChange={setRows} withWeight={false} />
          ) : view.isError ? (
            <ProblemMessage error={view.error} />
          ) : (
            <Loading />
          )
        ) : null}
        {save.isError ? <ProblemMessage error={save.error} title="The resource was not saved." /> : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={!frameworkId || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save resource'}
          </button>
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
