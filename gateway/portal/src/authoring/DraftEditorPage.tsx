import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  DEFAULT_POLICY,
  DEFAULT_SCALE,
  MANUAL_RATING_PRECEDENCES,
  METHOD_TYPES,
  methodOf,
  RELATION_TYPES,
  ROLL_UP_TYPES,
  rollUpOf,
  SOURCE_TYPES,
  type MethodType,
  type RollUpType,
} from '../api/framework-authoring';
import type { Competency, FrameworkContent, Policy, Relation, VersionView } from '../api/frameworks';
import { TextField } from '../shell/Field';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { QueryView } from '../shell/States';
import { words } from './components';
import { frameworkPath } from './FrameworkPage';
import { useEditDraft, useFramework, useVersion } from './hooks';
import { TableScroll } from '../shell/TableScroll';

export default function DraftEditorPage() {
  const { frameworkId = '' } = useParams();
  const framework = useFramework(frameworkId);
  const view = useVersion(frameworkId, framework.data?.latestVersion);
  return (
    <Page
      title="Edit draft"
      intro={<p>Saving writes the draft; publish it from the framework page when it is ready.</p>}
      actions={<Link to={frameworkPath(frameworkId)}>Back to the framework</Link>}
    >
      {framework.isError ? (
        <ProblemMessage error={framework.error} />
      ) : (
        <QueryView query={view} loadingLabel="Loading the draft…">
          {(v) => <DraftForm view={v} />}
        </QueryView>
      )}
    </Page>
  );
}

interface Row {
  key: string;
  competency: Competency;
}

interface RelationRow extends Relation {
  key: string;
}

interface LevelRow {
  key: string;
  code: string;
  label: string;
  threshold: string;
  mastery: boolean;
}

interface PolicyForm {
  method: MethodType;
  n: string;
  weight: string;
  decay: string;
  bkt: Record<'pL0' | 'pT' | 'pG' | 'pS' | 'pF', string>;
  minimumEvidence: string;
  manualRatingPrecedence: string;
  rollUp: RollUpType;
  pointsTarget: string;
  requiredChildren: string;
  validityPeriod: string;
  decayHalfLife: string;
  weights: Record<string, string>;
}

let keySequence = 0;
const nextKey = () => `row-${(keySequence += 1)}`;
const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

function policyForm(policy: Policy): PolicyForm {
  const method = methodOf(policy) ?? methodOf(DEFAULT_POLICY)!;
  const rollUp = rollUpOf(policy);
  const bkt = method.bkt;
  return {
    method: method.type,
    n: text(method.n),
    weight: text(method.weight),
    decay: text(method.decay),
    bkt: { pL0: text(bkt?.pL0), pT: text(bkt?.pT), pG: text(bkt?.pG), pS: text(bkt?.pS), pF: text(bkt?.pF) },
    minimumEvidence: text(policy.minimumEvidence ?? 0),
    manualRatingPrecedence: policy.manualRatingPrecedence ?? 'UNTIL_NEWER_EVIDENCE',
    rollUp: rollUp?.type ?? 'NONE',
    pointsTarget: text(rollUp?.pointsTarget),
    requiredChildren: (rollUp?.requiredChildren ?? []).join(', '),
    validityPeriod: policy.validityPeriod ?? '',
    decayHalfLife: policy.decayHalfLife ?? '',
    weights: Object.fromEntries(Object.entries(policy.sourceWeights ?? {}).map(([k, v]) => [k, String(v)])),
  };
}

function toPolicy(form: PolicyForm): Policy {
  const bkt = form.method === 'BKT'
    ? Object.fromEntries(Object.entries(form.bkt).map(([k, v]) => [k, numberOrNull(v)]))
    : null;
  const weights: Record<string, number> = {};
  for (const [source, weight] of Object.entries(form.weights)) {
    if (weight.trim() !== '') weights[source] = Number(weight);
  }
  return {
    method: {
      type: form.method,
      n: form.method === 'N_MASTERY' ? numberOrNull(form.n) : null,
      weight: form.method === 'WEIGHTED_AVERAGE' ? numberOrNull(form.weight) : null,
      decay: form.method === 'DECAYING_AVERAGE' ? numberOrNull(form.decay) : null,
      bkt,
    },
    sourceWeights: weights,
    minimumEvidence: numberOrNull(form.minimumEvidence) ?? 0,
    manualRatingPrecedence: form.manualRatingPrecedence,
    rollUp: {
      type: form.rollUp,
      pointsTarget: form.rollUp === 'POINTS' ? numberOrNull(form.pointsTarget) : null,
      requiredChildren: form.requiredChildren.split(',').map((code) => code.trim()).filter(Boolean),
    },
    validityPeriod: form.validityPeriod.trim() || null,
    decayHalfLife: form.decayHalfLife.trim() || null,
  };
}

/** The draft as the PUT body: new competencies carry no id (the service assigns one). */
export function toContent(base: FrameworkContent, title: string, description: string, rows: Row[],
                          relations: RelationRow[], levels: LevelRow[], policy: PolicyForm): FrameworkContent {
  return {
    ...base,
    relations: relations.map(({ source, target, type }) => ({ source, target, type })),
    title: title.trim(),
    description: description.trim() || null,
    competencies: rows.map((row) => ({
      ...row.competency,
      id: row.competency.id || (null as unknown as string),
      code: row.competency.code.trim(),
      title: row.competency.title.trim(),
      description: row.competency.description?.trim() || null,
      parentCode: row.competency.parentCode || null,
      taxonomyLabel: row.competency.taxonomyLabel?.trim() || null,
      position: row.competency.position,
    })),
    scale: {
      levels: levels.map((level) => ({
        code: level.code.trim(),
        label: level.label.trim(),
        threshold: numberOrNull(level.threshold),
        mastery: level.mastery,
      })),
    },
    policy: toPolicy(policy),
  };
}

function emptyCompetency(): Competency {
  return {
    id: '',
    code: '',
    title: '',
    description: null,
    parentCode: null,
    position: null,
    taxonomyLabel: null,
    externalId: null,
    externalChangedAt: null,
    scaleOverride: null,
    policyOverride: null,
  };
}

function DraftForm({ view }: { view: VersionView }) {
  const content = view.content;
  const edit = useEditDraft(view.frameworkId);
  const navigate = useNavigate();
  const [title, setTitle] = useState(content.title);
  const [description, setDescription] = useState(content.description ?? '');
  const [rows, setRows] = useState<Row[]>(() => content.competencies.map((competency) => ({ key: nextKey(), competency })));
  const [relations, setRelations] = useState<RelationRow[]>(() =>
    content.relations.map((relation) => ({ key: nextKey(), ...relation })),
  );
  const updateRelation = (key: string, change: Partial<Relation>) =>
    setRelations((current) => current.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const [levels, setLevels] = useState<LevelRow[]>(() =>
    (content.scale ?? DEFAULT_SCALE).levels.map((level) => ({
      key: nextKey(),
      code: level.code,
      label: level.label,
      threshold: text(level.threshold),
      mastery: level.mastery,
    })),
  );
  const [policy, setPolicy] = useState<PolicyForm>(() => policyForm(content.policy ?? DEFAULT_POLICY));

  const updateRow = (key: string, change: Partial<Competency>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, competency: { ...row.competency, ...change } } : row)));
  const updateLevel = (key: string, change: Partial<LevelRow>) =>
    setLevels((current) =>
      current.map((level) =>
        level.key === key ? { ...level, ...change } : change.mastery ? { ...level, mastery: false } : level,
      ),
    );
  const setPolicyField = <K extends keyof PolicyForm>(field: K, value: PolicyForm[K]) =>
    setPolicy((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    edit.mutate(toContent(content, title, description, rows, relations, levels, policy), {
      onSuccess: (saved) => navigate(frameworkPath(view.frameworkId, `?version=${saved.version}`)),
    });
  };
  const codes = [...new Set(rows.map((row) => row.competency.code.trim()).filter(Boolean))];

  return (
    <form onSubmit={submit} noValidate>
      <p>
        {view.status === 'DRAFT'
          ? `You are editing draft version ${view.version}.`
          : `Version ${view.version} is ${view.status.toLowerCase()}: saving starts a new draft from it.`}
      </p>
      <TextField label="Title" value={title} onChange={setTitle} error={edit.error} field="title" required />
      <TextField label="Description" value={description} onChange={setDescription} error={edit.error} field="description" multiline />

      <h2>Competencies</h2>
      <p className="hint">Codes are unique within the version; a parent is named by its code.</p>
      <TableScroll label="Draft">
        <table>
          <caption>Competencies of the draft</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Title</th>
              <th scope="col">Parent</th>
              <th scope="col">Classification</th>
              <th scope="col">Description</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const n = index + 1;
              const c = row.competency;
              return (
                <tr key={row.key}>
                  <td>
                    <input aria-label={`Code of competency ${n}`} value={c.code} onChange={(e) => updateRow(row.key, { code: e.target.value })} />
                  </td>
                  <td>
                    <input aria-label={`Title of competency ${n}`} value={c.title} onChange={(e) => updateRow(row.key, { title: e.target.value })} />
                  </td>
                  <td>
                    <select
                      aria-label={`Parent of competency ${n}`}
                      value={c.parentCode ?? ''}
                      onChange={(e) => updateRow(row.key, { parentCode: e.target.value || null })}
                    >
                      <option value="">(root)</option>
                      {codes.filter((code) => code !== c.code).map((code) => (
                        <option key={code} value={code}>
                          {code}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`Classification of competency ${n}`}
                      value={c.taxonomyLabel ?? ''}
                      onChange={(e) => updateRow(row.key, { taxonomyLabel: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Description of competency ${n}`}
                      value={c.description ?? ''}
                      onChange={(e) => updateRow(row.key, { description: e.target.value })}
                    />
                  </td>
                  <td>
                    <button type="button" className="danger" onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}>
                      Remove<span className="visually-hidden"> competency {n}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <div className="button-row">
        <button type="button" onClick={() => setRows((current) => [...current, { key: nextKey(), competency: emptyCompetency() }])}>
          Add competency
        </button>
      </div>

      <h2>Relations</h2>
      {relations.length === 0 ? <p className="muted">No relations between competencies.</p> : (
        <TableScroll label="Draft">
          <table>
            <caption>Relations between competencies</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Relation</th>
                <th scope="col">Target</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {relations.map((relation, index) => {
                const n = index + 1;
                const codeSelect = (end: 'source' | 'target') => (
                  <select aria-label={`${end === 'source' ? 'Source' : 'Target'} of relation ${n}`} value={relation[end]}
                    onChange={(e) => updateRelation(relation.key, { [end]: e.target.value })}>
                    <option value="">Choose</option>
                    {[...new Set([...codes, relation[end]].filter(Boolean))].map((code) => (
                      <option key={code} value={code}>
                        {code}
                      </option>
                    ))}
                  </select>
                );
                return (
                  <tr key={relation.key}>
                    <td>{codeSelect('source')}</td>
                    <td>
                      <select aria-label={`Type of relation ${n}`} value={relation.type} onChange={(e) => updateRelation(relation.key, { type: e.target.value })}>
                        {RELATION_TYPES.map((type) => (
                          <option key={type} value={type}>
                            {words(type)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>{codeSelect('target')}</td>
                    <td>
                      <button type="button" className="danger" onClick={() => setRelations((current) => current.filter((r) => r.key !== relation.key))}>
                        Remove<span className="visually-hidden"> relation {n}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <div className="button-row">
        <button type="button" onClick={() => setRelations((current) => [...current, { key: nextKey(), source: '', target: '', type: 'PRECEDES' }])}>
          Add relation
        </button>
      </div>

      <h2>Scale</h2>
      <p className="hint">Levels from lowest to highest; thresholds are normalised scores in [0, 1]; exactly one level is the mastery level.</p>
      <TableScroll label="Draft">
        <table>
          <caption>Proficiency levels</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Label</th>
              <th scope="col">Threshold</th>
              <th scope="col">Mastery level</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {levels.map((level, index) => {
              const n = index + 1;
              return (
                <tr key={level.key}>
                  <td>
                    <input aria-label={`Code of level ${n}`} value={level.code} onChange={(e) => updateLevel(level.key, { code: e.target.value })} />
                  </td>
                  <td>
                    <input aria-label={`Label of level ${n}`} value={level.label} onChange={(e) => updateLevel(level.key, { label: e.target.value })} />
                  </td>
                  <td>
                    <input
                      aria-label={`Threshold of level ${n}`}
                      type="number"
                      step="0.05"
                      min="0"
                      max="1"
                      value={level.threshold}
                      onChange={(e) => updateLevel(level.key, { threshold: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="radio"
                      name="mastery-level"
                      aria-label={`Level ${n} is the mastery level`}
                      checked={level.mastery}
                      onChange={() => updateLevel(level.key, { mastery: true })}
                    />
                  </td>
                  <td>
                    <button type="button" className="danger" onClick={() => setLevels((current) => current.filter((l) => l.key !== level.key))}>
                      Remove<span className="visually-hidden"> level {n}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <div className="button-row">
        <button
          type="button"
          onClick={() => setLevels((current) => [...current, { key: nextKey(), code: '', label: '', threshold: '', mastery: false }])}
        >
          Add level
        </button>
      </div>

      <h2>Mastery policy</h2>
      <div className="field">
        <label htmlFor="policy-method">Method</label>
        <select id="policy-method" value={policy.method} onChange={(e) => setPolicyField('method', e.target.value as MethodType)}>
          {METHOD_TYPES.map((type) => (
            <option key={type} value={type}>
              {words(type)}
            </option>
          ))}
        </select>
      </div>
      {policy.method === 'N_MASTERY' ? (
        <TextField label="Mastery-level scores needed (n)" type="number" value={policy.n} onChange={(v) => setPolicyField('n', v)} />
      ) : null}
      {policy.method === 'WEIGHTED_AVERAGE' ? (
        <TextField label="Weight of the latest score (0 to 1)" type="number" step="0.05" value={policy.weight} onChange={(v) => setPolicyField('weight', v)} />
      ) : null}
      {policy.method === 'DECAYING_AVERAGE' ? (
        <TextField label="Decay (weight of each new score, above 0 up to 1)" type="number" step="0.05" value={policy.decay} onChange={(v) => setPolicyField('decay', v)} />
      ) : null}
      {policy.method === 'BKT' ? (
        <fieldset>
          <legend>Bayesian Knowledge Tracing probabilities</legend>
          {(['pL0', 'pT', 'pG', 'pS', 'pF'] as const).map((name) => (
            <TextField
              key={name}
              label={name}
              type="number"
              step="0.01"
              value={policy.bkt[name]}
              onChange={(v) => setPolicyField('bkt', { ...policy.bkt, [name]: v })}
            />
          ))}
        </fieldset>
      ) : null}
      <TextField label="Minimum evidence" type="number" value={policy.minimumEvidence} onChange={(v) => setPolicyField('minimumEvidence', v)}
        hint="Evidence items needed before the competency can count as mastered." />
      <div className="field">
        <label htmlFor="policy-manual">Manual ratings</label>
        <select id="policy-manual" value={policy.manualRatingPrecedence} onChange={(e) => setPolicyField('manualRatingPrecedence', e.target.value)}>
          {MANUAL_RATING_PRECEDENCES.map((value) => (
            <option key={value} value={value}>
              {words(value)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="policy-rollup">Roll-up of parents</label>
        <select id="policy-rollup" value={policy.rollUp} onChange={(e) => setPolicyField('rollUp', e.target.value as RollUpType)}>
          {ROLL_UP_TYPES.map((value) => (
            <option key={value} value={value}>
              {words(value)}
            </option>
          ))}
        </select>
      </div>
      {policy.rollUp === 'POINTS' ? (
        <>
          <TextField label="Points target" type="number" value={policy.pointsTarget} onChange={(v) => setPolicyField('pointsTarget', v)} />
          <TextField label="Required children (codes, comma separated)" value={policy.requiredChildren} onChange={(v) => setPolicyField('requiredChildren', v)} />
        </>
      ) : null}
      <TextField label="Mastery expires after" value={policy.validityPeriod} onChange={(v) => setPolicyField('validityPeriod', v)}
        hint="An ISO 8601 duration such as P365D; empty for never." />
      <TextField label="Decay half-life" value={policy.decayHalfLife} onChange={(v) => setPolicyField('decayHalfLife', v)}
        hint="An ISO 8601 duration such as P180D; empty for no decay." />
      <fieldset>
        <legend>Source weights (empty means 1.0)</legend>
        {SOURCE_TYPES.map((source) => (
          <TextField
            key={source}
            label={words(source)}
            type="number"
            step="0.1"
            value={policy.weights[source] ?? ''}
            onChange={(v) => setPolicyField('weights', { ...policy.weights, [source]: v })}
          />
        ))}
      </fieldset>
      <p className="hint">Per-competency scale and policy overrides are kept as they are.</p>

      {edit.isError ? <ProblemMessage error={edit.error} title="The draft was not saved." /> : null}
      <div className="button-row">
        <button type="submit" className="primary" disabled={edit.isPending}>
          {edit.isPending ? 'Saving…' : 'Save draft'}
        </button>
        <Link to={frameworkPath(view.frameworkId)}>Cancel</Link>
      </div>
    </form>
  );
}
