// The filters of the analytics views. They live in the address (so a view can be linked to and its CSV link
// carries exactly the same query), are edited in a form and applied together with one button.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { isApiProblem } from '../api/http';
import { FieldMessage } from '../shell/ProblemMessage';
import { useFrameworkCompetencies, useFrameworkList, usePublishedRoleProfiles } from './hooks';

/** The names are the service's query parameters, in the address and in the request alike. */
export type FilterKey =
  | 'frameworkId' | 'frameworkVersion' | 'competencyId' | 'roleProfileId' | 'unit' | 'teamId' | 'groupBy'
  | 'asOf' | 'from' | 'to' | 'interval' | 'closeThreshold' | 'limit' | 'stalledWeeks' | 'expiringDays';

export type Filters = Partial<Record<FilterKey, string>>;

/** The view's filters as the address holds them (empty values left out). */
export function useFilters(keys: readonly FilterKey[]): Filters {
  const [params] = useSearchParams();
  const filters: Filters = {};
  for (const name of keys) {
    const value = params.get(name);
    if (value) {
      filters[name] = value;
    }
  }
  return filters;
}

export function toNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

export function FilterForm({ keys, units = [], teams = [], error, required = [] }: {
  keys: readonly FilterKey[];
  /** Suggestions for the unit and team fields, from the groups the service answered with. */
  units?: readonly string[];
  teams?: readonly string[];
  /** The view's last error: a 400 naming a parameter shows its message next to that field. */
  error?: unknown;
  required?: readonly FilterKey[];
}) {
  const [params, setParams] = useSearchParams();
  // The form starts from the address and is reset when the address changes from outside (back, a link).
  return <FilterFields key={params.toString()} keys={keys} units={units} teams={teams} error={error} required={required}
    initial={Object.fromEntries(keys.map((name) => [name, params.get(name) ?? '']))}
    onApply={(values) => setParams((current) => {
      const next = new URLSearchParams(current);
      for (const name of keys) {
        const value = values[name]?.trim();
        if (value) next.set(name, value);
        else next.delete(name);
      }
      return next;
    })} />;
}

function FilterFields({ keys, units, teams, error, required, initial, onApply }: {
  keys: readonly FilterKey[];
  units: readonly string[];
  teams: readonly string[];
  error: unknown;
  required: readonly FilterKey[];
  initial: Filters;
  onApply: (values: Filters) => void;
}) {
  const [values, setValues] = useState<Filters>(initial);
  const id = useId();
  const set = (name: FilterKey) => (value: string) => setValues((current) => {
    const next = { ...current, [name]: value };
    // A version or competency belongs to the framework chosen before.
    if (name === 'frameworkId') {
      next.frameworkVersion = '';
      next.competencyId = '';
    }
    return next;
  });
  const has = (name: FilterKey) => keys.includes(name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  const field = (name: FilterKey, label: string, control: (controlId: string, described: string | undefined) => ReactNode,
                 hint?: string) => {
    const controlId = `${id}-${name}`;
    const message = isApiProblem(error) ? error.fieldError(name) : undefined;
    const described = [hint ? `${controlId}-hint` : '', message ? `${controlId}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field" key={name}>
        <label htmlFor={controlId}>{label}{required.includes(name) ? <span aria-hidden="true"> *</span> : null}</label>
        {hint ? <p className="hint" id={`${controlId}-hint`}>{hint}</p> : null}
        {control(controlId, described)}
        <FieldMessage id={`${controlId}-error`} error={error} field={name} />
      </div>
    );
  };
  const invalid = (name: FilterKey) => (isApiProblem(error) && error.fieldError(name) ? true : undefined);
  const text = (name: FilterKey, type: 'text' | 'date' | 'number', extra: Record<string, string> = {}) =>
    (controlId: string, described: string | undefined) => (
      <input id={controlId} type={type} value={values[name] ?? ''} aria-describedby={described} aria-invalid={invalid(name)}
        required={required.includes(name)} onChange={(event) => set(name)(event.target.value)} {...extra} />
    );
  const choice = (name: FilterKey, options: readonly { value: string; label: string }[], any: string) =>
    (controlId: string, described: string | undefined) => (
      <select id={controlId} value={values[name] ?? ''} aria-describedby={described} aria-invalid={invalid(name)}
        onChange={(event) => set(name)(event.target.value)}>
        <option value="">{any}</option>
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    );
  const suggestions = (name: FilterKey, list: readonly string[]) =>
    (controlId: string, described: string | undefined) => (
      <>
        <input id={controlId} value={values[name] ?? ''} list={`${controlId}-list`} aria-describedby={described}
          aria-invalid={invalid(name)} onChange={(event) => set(name)(event.target.value)} />
        <datalist id={`${controlId}-list`}>
          {list.map((item) => <option key={item} value={item} />)}
        </datalist>
      </>
    );

  return (
    <form className="filters" onSubmit={submit} aria-label="Filters" noValidate>
      {has('roleProfileId') ? field('roleProfileId', 'Role profile', (controlId, described) => (
        <RoleProfileSelect id={controlId} described={described} value={values.roleProfileId ?? ''} onChange={set('roleProfileId')}
          anyLabel={required.includes('roleProfileId') ? 'Choose a role profile' : 'All role profiles'} />
      )) : null}
      {has('frameworkId') ? field('frameworkId', 'Framework', (controlId, described) => (
        <FrameworkSelect id={controlId} described={described} value={values.frameworkId ?? ''} onChange={set('frameworkId')} />
      )) : null}
      {has('frameworkVersion') ? field('frameworkVersion', 'Framework version', (controlId, described) => (
        <VersionSelect id={controlId} described={described} frameworkId={values.frameworkId ?? ''} value={values.frameworkVersion ?? ''}
          onChange={set('frameworkVersion')} />
      )) : null}
      {has('competencyId') ? field('competencyId', 'Competency', (controlId, described) => (
        <CompetencySelect id={controlId} described={described} frameworkId={values.frameworkId ?? ''} value={values.competencyId ?? ''}
          onChange={set('competencyId')} />
      )) : null}
      {has('unit') ? field('unit', 'Unit', suggestions('unit', units)) : null}
      {has('teamId') ? field('teamId', 'Team', suggestions('teamId', teams)) : null}
      {has('groupBy') ? field('groupBy', 'Group by', choice('groupBy', [{ value: 'team', label: 'Team' }], 'Unit')) : null}
      {has('asOf') ? field('asOf', 'As of', text('asOf', 'date'), 'Empty: now') : null}
      {has('from') ? field('from', 'From', text('from', 'date')) : null}
      {has('to') ? field('to', 'To', text('to', 'date')) : null}
      {has('interval') ? field('interval', 'Period', choice('interval', [{ value: 'month', label: 'Month' }], 'Week')) : null}
      {has('closeThreshold') ? field('closeThreshold', 'Close when met share is at least',
        text('closeThreshold', 'number', { min: '0.01', max: '1', step: '0.05', placeholder: '0.8' }), 'Between 0 and 1') : null}
      {has('stalledWeeks') ? field('stalledWeeks', 'Stalled after (weeks)', text('stalledWeeks', 'number', { min: '1', placeholder: '4' })) : null}
      {has('expiringDays') ? field('expiringDays', 'Expiring within (days)', text('expiringDays', 'number', { min: '1', placeholder: '30' })) : null}
      {has('limit') ? field('limit', 'How many', text('limit', 'number', { min: '1', placeholder: '10' })) : null}
      <div className="field">
        <button type="submit" className="primary">Apply filters</button>
      </div>
    </form>
  );
}

function RoleProfileSelect({ id, described, value, onChange, anyLabel }: {
  id: string; described: string | undefined; value: string; onChange: (value: string) => void; anyLabel: string;
}) {
  const profiles = usePublishedRoleProfiles();
  return (
    <>
      <select id={id} value={value} aria-describedby={described} onChange={(event) => onChange(event.target.value)}>
        <option value="">{profiles.isPending ? 'Loading…' : anyLabel}</option>
        {profiles.published.map((profile) => (
          <option key={profile.roleProfileId} value={profile.roleProfileId}>
            {profile.title} (version {profile.publishedVersion})
          </option>
        ))}
        {value && !profiles.isPending && !profiles.published.some((p) => p.roleProfileId === value) ? <option value={value}>{value}</option> : null}
      </select>
      {profiles.isError ? <p className="hint">The role profiles could not be loaded.</p> : null}
    </>
  );
}

function FrameworkSelect({ id, described, value, onChange }: {
  id: string; described: string | undefined; value: string; onChange: (value: string) => void;
}) {
  const frameworks = useFrameworkList();
  const list = frameworks.data ?? [];
  return (
    <>
      <select id={id} value={value} aria-describedby={described} onChange={(event) => onChange(event.target.value)}>
        <option value="">{frameworks.isPending ? 'Loading…' : 'All frameworks'}</option>
        {list.map((framework) => (
          <option key={framework.frameworkId} value={framework.frameworkId}>{framework.title}</option>
        ))}
        {value && !frameworks.isPending && !list.some((f) => f.frameworkId === value) ? <option value={value}>{value}</option> : null}
      </select>
      {frameworks.isError ? <p className="hint">The frameworks could not be loaded.</p> : null}
    </>
  );
}

function VersionSelect({ id, described, frameworkId, value, onChange }: {
  id: string; described: string | undefined; frameworkId: string; value: string; onChange: (value: string) => void;
}) {
  const frameworks = useFrameworkList();
  const framework = frameworks.data?.find((f) => f.frameworkId === frameworkId);
  const versions = (framework?.versions ?? []).filter((v) => v.status !== 'DRAFT').map((v) => v.version).sort((a, b) => b - a);
  if (value && !versions.includes(Number(value))) {
    versions.unshift(Number(value));
  }
  return (
    <select id={id} value={value} aria-describedby={described} disabled={!frameworkId} onChange={(event) => onChange(event.target.value)}>
      <option value="">{frameworkId ? 'Current published version' : 'Choose a framework first'}</option>
      {versions.map((version) => <option key={version} value={String(version)}>Version {version}</option>)}
    </select>
  );
}

function CompetencySelect({ id, described, frameworkId, value, onChange }: {
  id: string; described: string | undefined; frameworkId: string; value: string; onChange: (value: string) => void;
}) {
  const competencies = useFrameworkCompetencies(frameworkId || undefined);
  const list = competencies.data ?? [];
  return (
    <select id={id} value={value} aria-describedby={described} disabled={!frameworkId && !value}
      onChange={(event) => onChange(event.target.value)}>
      <option value="">{frameworkId ? 'All competencies' : 'Choose a framework first'}</option>
      {list.map((c) => <option key={c.id} value={c.id}>{c.code} {c.title}</option>)}
      {value && !list.some((c) => c.id === value) ? <option value={value}>{value}</option> : null}
    </select>
  );
}
