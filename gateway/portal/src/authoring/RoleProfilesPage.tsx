import { useState, type FormEvent } from 'react';
import type { RoleProfileDefinition, RoleProfileView } from '../api/framework-authoring';
import type { FrameworkSummary } from '../api/frameworks';
import { TextField } from '../shell/Field';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Loading, QueryView } from '../shell/States';
import { EditPublishCell, VersionStatusCell } from './components';
import { FrameworkCompetencyPicker } from './FrameworkCompetencyPicker';
import { useFrameworks, usePublishRoleProfile, useRoleProfiles, useSaveRoleProfile, useVersion } from './hooks';
import { newTarget, TargetsEditor, type TargetRow } from './TargetsEditor';
import { TableScroll } from '../shell/TableScroll';

export default function RoleProfilesPage() {
  const profiles = useRoleProfiles();
  const frameworks = useFrameworks();
  const publish = usePublishRoleProfile();
  const [editing, setEditing] = useState<RoleProfileView | 'new' | null>(null);
  const titleOf = (frameworkId: string) => frameworks.data?.find((f) => f.frameworkId === frameworkId)?.title ?? frameworkId;
  return (
    <Page title="Role profiles" intro={<p>What a role requires: target levels of competencies of one published framework version.</p>}>
      <QueryView query={profiles} loadingLabel="Loading role profiles…" isEmpty={(list) => list.length === 0}
        empty={<p>There are no role profiles yet.</p>}>
        {(list) => (
          <TableScroll label="Role profiles">
            <table>
              <caption>Role profiles</caption>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Framework</th>
                  <th scope="col">Requirements</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => {
                  const pending = p.draftVersion > p.publishedVersion;
                  return (
                    <tr key={p.roleProfileId}>
                      <th scope="row">{p.title}</th>
                      <td>{titleOf(p.frameworkId)}</td>
                      <td className="num">{(p.draft ?? p.published)?.requirements.length ?? 0}</td>
                      <VersionStatusCell published={p.publishedVersion} draft={p.draftVersion} />
                      <EditPublishCell
                        title={p.title}
                        pending={pending}
                        publishing={publish.isPending}
                        onEdit={() => setEditing(p)}
                        onPublish={() => publish.mutate(p.roleProfileId)}
                      />
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
      {publish.isError ? <ProblemMessage error={publish.error} title="The role profile was not published." /> : null}
      {publish.isSuccess ? (
        <p className="success" role="status">
          Version {publish.data.publishedVersion} of {publish.data.title} is published.
        </p>
      ) : null}
      {editing ? (
        <RoleProfileForm
          key={editing === 'new' ? 'new' : editing.roleProfileId}
          profile={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <div className="button-row">
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            New role profile
          </button>
        </div>
      )}
    </Page>
  );
}

function RoleProfileForm({ profile, onDone }: { profile?: RoleProfileView; onDone: () => void }) {
  const start = profile?.draft ?? profile?.published;
  const save = useSaveRoleProfile();
  const frameworks = useFrameworks();
  const [title, setTitle] = useState(start?.title ?? '');
  const [description, setDescription] = useState(start?.description ?? '');
  const [frameworkId, setFrameworkId] = useState(start?.frameworkId ?? '');
  const framework: FrameworkSummary | undefined = frameworks.data?.find((f) => f.frameworkId === frameworkId);
  const version = start?.frameworkId === frameworkId && start?.frameworkVersion ? start.frameworkVersion : framework?.publishedVersion;
  const view = useVersion(frameworkId || undefined, version || undefined);
  const [rows, setRows] = useState<TargetRow[]>(() =>
    (start?.requirements ?? []).map((r) => newTarget(r.competencyId, r.targetLevel, r.weight === null ? '' : String(r.weight))),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const definition: RoleProfileDefinition = {
      title: title.trim(),
      description: description.trim() || null,
      frameworkId,
      frameworkVersion: version ?? null,
      requirements: rows.map((row) => ({
        competencyId: row.competencyId,
        targetLevel: row.targetLevel,
        weight: row.weight.trim() === '' ? null : Number(row.weight),
      })),
    };
    save.mutate({ roleProfileId: profile?.roleProfileId, definition }, { onSuccess: onDone });
  };
  return (
    <section aria-labelledby="role-profile-form">
      <h2 id="role-profile-form">{profile ? `Edit ${profile.title}` : 'New role profile'}</h2>
      <form onSubmit={submit} noValidate>
        <TextField label="Title" value={title} onChange={setTitle} error={save.error} field="title" required />
        <TextField label="Description" value={description} onChange={setDescription} multiline />
        <FrameworkCompetencyPicker frameworkId={frameworkId} onFramework={(f) => { setFrameworkId(f?.frameworkId ?? ''); setRows([]); }} />
        {frameworkId ? (
          view.data ? (
            <TargetsEditor caption="Requirements" view={view.data} rows={rows} onChange={setRows} withWeight />
          ) : view.isError ? (
            <ProblemMessage error={view.error} />
          ) : (
            <Loading />
          )
        ) : null}
        {save.isError ? <ProblemMessage error={save.error} title="The role profile was not saved." /> : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={!frameworkId || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save role profile'}
          </button>
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
