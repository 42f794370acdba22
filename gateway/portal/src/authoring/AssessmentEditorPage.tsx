import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  ITEM_TYPES,
  type AssessmentDefinition,
  type AssessmentView,
  type ItemType,
} from '../api/assessment-authoring';
import type { Competency } from '../api/frameworks';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { TextField } from '../shell/Field';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { QueryView } from '../shell/States';
import { words } from './components';
import {
  useAssessment,
  useDefineAssessment,
  usePublishAssessment,
  useRetireAssessment,
  useVersion,
} from './hooks';

export default function AssessmentEditorPage() {
  const { assessmentId = '' } = useParams();
  const assessment = useAssessment(assessmentId);
  const version = useVersion(assessment.data?.frameworkId, assessment.data?.frameworkVersion);
  return (
    <Page
      title={assessment.data ? assessment.data.title : 'Assessment'}
      actions={<Link to="/authoring/assessments">All assessments</Link>}
    >
      <QueryView query={assessment} loadingLabel="Loading the assessment…">
        {(view) => (
          <QueryView query={version} loadingLabel="Loading the framework…">
            {(framework) => <AssessmentEditor key={view.assessmentId} view={view} competencies={framework.content.competencies} />}
          </QueryView>
        )}
      </QueryView>
    </Page>
  );
}

interface ItemForm {
  key: string;
  itemId: string;
  type: ItemType;
  prompt: string;
  options: string;
  correct: string[];
  answer: string;
  tolerance: string;
  points: string;
  partialCredit: boolean;
  competencyId: string;
}

interface LevelForm {
  key: string;
  code: string;
  label: string;
  score: string;
}

interface CriterionForm {
  key: string;
  criterionId: string;
  title: string;
  competencyId: string;
  levels: LevelForm[];
}

interface CheckForm {
  key: string;
  itemId: string;
  text: string;
  competencyId: string;
}

let sequence = 0;
const nextKey = () => `k${(sequence += 1)}`;
const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));
const lines = (value: string) => value.split('\n').map((line) => line.trim()).filter(Boolean);

function freeId(prefix: string, taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

function defaultLevels(): LevelForm[] {
  return [
    { key: nextKey(), code: 'NOT_YET', label: 'Not yet', score: '0' },
    { key: nextKey(), code: 'MEETS', label: 'Meets', score: '2' },
    { key: nextKey(), code: 'EXCEEDS', label: 'Exceeds', score: '3' },
  ];
}

function AssessmentEditor({ view, competencies }: { view: AssessmentView; competencies: Competency[] }) {
  const draft = view.draft;
  const define = useDefineAssessment(view.assessmentId);
  const publish = usePublishAssessment(view.assessmentId);
  const retire = useRetireAssessment(view.assessmentId);
  const [confirm, setConfirm] = useState<'publish' | 'retire' | null>(null);
  const [saved, setSaved] = useState(false);
  const editable = view.status !== 'RETIRED';

  const [passMark, setPassMark] = useState(text(draft?.passMark ?? 0.7));
  const [maxAttempts, setMaxAttempts] = useState(text(draft?.maxAttempts));
  const [timeLimit, setTimeLimit] = useState(draft?.timeLimit ?? '');
  const [minPeers, setMinPeers] = useState(text(draft?.minPeers));
  const [weights, setWeights] = useState<Record<string, string>>(() =>
    Object.fromEntries((draft?.alignments ?? []).map((a) => [a.competencyId, String(a.weight)])),
  );
  const [items, setItems] = useState<ItemForm[]>(() =>
    (draft?.items ?? []).map((item) => ({
      key: nextKey(),
      itemId: item.itemId,
      type: item.type,
      prompt: item.prompt ?? '',
      options: item.options.join('\n'),
      correct: item.correct,
      answer: text(item.answer),
      tolerance: text(item.tolerance),
      points: text(item.points),
      partialCredit: item.partialCredit,
      competencyId: item.competencyIds[0] ?? '',
    })),
  );
  const [criteria, setCriteria] = useState<CriterionForm[]>(() =>
    (draft?.criteria ?? []).map((criterion) => ({
      key: nextKey(),
      criterionId: criterion.criterionId,
      title: criterion.title ?? '',
      competencyId: criterion.competencyId,
      levels: criterion.levels.map((level) => ({ key: nextKey(), code: level.code, label: level.label ?? '', score: String(level.score) })),
    })),
  );
  const [checklist, setChecklist] = useState<CheckForm[]>(() =>
    (draft?.checklist ?? []).map((item) => ({ key: nextKey(), itemId: item.itemId, text: item.text ?? '', competencyId: item.competencyId })),
  );

  const aligned = competencies.filter((c) => weights[c.id] !== undefined);
  const byId = new Map(competencies.map((c) => [c.id, c]));
  const quiz = view.kind === 'QUIZ';
  const rated = view.kind === 'RUBRIC' || view.kind === 'PEER' || view.kind === 'SELF';

  const definition = (): AssessmentDefinition => ({
    alignments: Object.entries(weights).map(([competencyId, weight]) => ({ competencyId, weight: Number(weight || 0) })),
    weightTotal: null,
    passMark: numberOrNull(passMark),
    maxAttempts: numberOrNull(maxAttempts),
    timeLimit: timeLimit.trim() || null,
    acceptLate: null,
    items: quiz
      ? items.map((item) => {
          const options = lines(item.options);
          return {
            itemId: item.itemId,
            type: item.type,
            prompt: item.prompt.trim(),
            options: item.type === 'NUMERIC' ? [] : options,
            correct:
              item.type === 'ORDERING' ? options : item.type === 'NUMERIC' ? [] : item.correct.filter((c) => options.includes(c)),
            answer: item.type === 'NUMERIC' ? numberOrNull(item.answer) : null,
            tolerance: item.type === 'NUMERIC' ? numberOrNull(item.tolerance) : null,
            points: Number(item.points || 0),
            partialCredit: item.partialCredit,
            competencyIds: item.competencyId ? [item.competencyId] : [],
          };
        })
      : [],
    criteria: rated
      ? criteria.map((criterion) => ({
          criterionId: criterion.criterionId,
          title: criterion.title.trim(),
          competencyId: criterion.competencyId,
          levels: criterion.levels.map((level) => ({ code: level.code.trim(), label: level.label.trim(), score: Number(level.score || 0) })),
        }))
      : [],
    checklist: view.kind === 'OBSERVATION'
      ? checklist.map((item) => ({ itemId: item.itemId, text: item.text.trim(), competencyId: item.competencyId }))
      : [],
    ...(view.kind === 'PEER' ? { minPeers: numberOrNull(minPeers) } : {}),
  });

  const save = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    define.mutate(definition(), { onSuccess: () => setSaved(true) });
  };
  const updateItem = (key: string, change: Partial<ItemForm>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  const updateCriterion = (key: string, change: Partial<CriterionForm>) =>
    setCriteria((current) => current.map((c) => (c.key === key ? { ...c, ...change } : c)));
  const competencySelect = (label: string, value: string, onChange: (value: string) => void) => (
    <div className="field">
      <label>
        {label}
        <select value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">Choose an aligned competency</option>
          {aligned.map((c) => (
            <option key={c.id} value={c.id}>
              {c.code} {c.title}
            </option>
          ))}
        </select>
      </label>
    </div>
  );

  return (
    <>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{words(view.kind)}</dd>
        <dt>Status</dt>
        <dd>
          {words(view.status)}
          {view.publishedVersion > 0 ? ` (version ${view.publishedVersion} published)` : ''}
        </dd>
        <dt>Draft version</dt>
        <dd>{view.draftVersion}</dd>
      </dl>
      <form onSubmit={save} noValidate aria-label="Assessment definition">
        <fieldset>
          <legend>Aligned competencies and their weights</legend>
          {competencies.map((c) => {
            const on = weights[c.id] !== undefined;
            return (
              <div key={c.id} className="button-row">
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={(event) =>
                      setWeights((current) => {
                        const next = { ...current };
                        if (event.target.checked) next[c.id] = '1';
                        else delete next[c.id];
                        return next;
                      })
                    }
                  />
                  {c.code} {c.title}
                </label>
                {on ? (
                  <input
                    type="number"
                    step="0.1"
                    min="0"
                    aria-label={`Weight of ${c.code}`}
                    value={weights[c.id]}
                    onChange={(event) => setWeights((current) => ({ ...current, [c.id]: event.target.value }))}
                  />
                ) : null}
              </div>
            );
          })}
        </fieldset>
        <TextField label="Pass mark (0 to 1)" type="number" step="0.05" value={passMark} onChange={setPassMark} />
        <TextField label="Attempts allowed" type="number" value={maxAttempts} onChange={setMaxAttempts} hint="Empty for no limit." />
        <TextField label="Time limit" value={timeLimit} onChange={setTimeLimit} hint="An ISO 8601 duration such as PT45M; empty for none." />
        {view.kind === 'PEER' ? (
          <TextField label="Peer ratings needed" type="number" value={minPeers} onChange={setMinPeers} hint="Empty for the default of 3." />
        ) : null}

        {quiz ? (
          <>
            <h2>Questions</h2>
            {items.map((item, index) => {
              const n = index + 1;
              const options = lines(item.options);
              return (
                <fieldset key={item.key}>
                  <legend>Question {n}</legend>
                  <TextField label={`Prompt of question ${n}`} value={item.prompt} onChange={(v) => updateItem(item.key, { prompt: v })} multiline />
                  <div className="field">
                    <label>
                      Type of question {n}
                      <select value={item.type} onChange={(event) => updateItem(item.key, { type: event.target.value as ItemType, correct: [] })}>
                        {ITEM_TYPES.map((type) => (
                          <option key={type} value={type}>
                            {words(type)}
                          </option>
                        ))}
                      </select>
                    </label>
                  </div>
                  {item.type === 'NUMERIC' ? (
                    <>
                      <TextField label={`Answer of question ${n}`} type="number" value={item.answer} onChange={(v) => updateItem(item.key, { answer: v })} />
                      <TextField label={`Tolerance of question ${n}`} type="number" value={item.tolerance} onChange={(v) => updateItem(item.key, { tolerance: v })} />
                    </>
                  ) : (
                    <>
                      <TextField
                        label={`Options of question ${n}`}
                        value={item.options}
                        onChange={(v) => updateItem(item.key, { options: v })}
                        multiline
                        hint={item.type === 'ORDERING' ? 'One per line, in the correct order.' : 'One per line.'}
                      />
                      {item.type !== 'ORDERING' && options.length > 0 ? (
                        <fieldset>
                          <legend>Correct options of question {n}</legend>
                          {options.map((option) => (
                            <label key={option} className="choice">
                              <input
                                type={item.type === 'SINGLE_CHOICE' ? 'radio' : 'checkbox'}
                                name={`correct-${item.key}`}
                                checked={item.correct.includes(option)}
                                onChange={(event) =>
                                  updateItem(item.key, {
                                    correct:
                                      item.type === 'SINGLE_CHOICE'
                                        ? [option]
                                        : event.target.checked
                                          ? [...item.correct, option]
                                          : item.correct.filter((c) => c !== option),
                                  })
                                }
                              />
                              {option}
                            </label>
                          ))}
                        </fieldset>
                      ) : null}
                    </>
                  )}
                  <TextField label={`Points of question ${n}`} type="number" value={item.points} onChange={(v) => updateItem(item.key, { points: v })} />
                  {competencySelect(`Competency of question ${n}`, item.competencyId, (v) => updateItem(item.key, { competencyId: v }))}
                  <button type="button" className="danger" onClick={() => setItems((current) => current.filter((i) => i.key !== item.key))}>
                    Remove question {n}
                  </button>
                </fieldset>
              );
            })}
            <div className="button-row">
              <button
                type="button"
                onClick={() =>
                  setItems((current) => [
                    ...current,
                    {
                      key: nextKey(),
                      itemId: freeId('item', current.map((i) => i.itemId)),
                      type: 'SINGLE_CHOICE',
                      prompt: '',
                      options: '',
                      correct: [],
                      answer: '',
                      tolerance: '',
                      points: '1',
                      partialCredit: false,
                      competencyId: aligned.length === 1 ? aligned[0]!.id : '',
                    },
                  ])
                }
              >
                Add question
              </button>
            </div>
          </>
        ) : null}

        {rated ? (
          <>
            <h2>Criteria</h2>
            {criteria.map((criterion, index) => {
              const n = index + 1;
              return (
                <fieldset key={criterion.key}>
                  <legend>Criterion {n}</legend>
                  <TextField label={`Title of criterion ${n}`} value={criterion.title} onChange={(v) => updateCriterion(criterion.key, { title: v })} />
                  {competencySelect(`Competency of criterion ${n}`, criterion.competencyId, (v) => updateCriterion(criterion.key, { competencyId: v }))}
                  <table>
                    <caption>Levels of criterion {n}, lowest first</caption>
                    <thead>
                      <tr>
                        <th scope="col">Code</th>
                        <th scope="col">Label</th>
                        <th scope="col">Score</th>
                      </tr>
                    </thead>
                    <tbody>
                      {criterion.levels.map((level, levelIndex) => {
                        const change = (part: Partial<LevelForm>) =>
                          updateCriterion(criterion.key, {
                            levels: criterion.levels.map((l) => (l.key === level.key ? { ...l, ...part } : l)),
                          });
                        const name = `level ${levelIndex + 1} of criterion ${n}`;
                        return (
                          <tr key={level.key}>
                            <td>
                              <input aria-label={`Code of ${name}`} value={level.code} onChange={(e) => change({ code: e.target.value })} />
                            </td>
                            <td>
                              <input aria-label={`Label of ${name}`} value={level.label} onChange={(e) => change({ label: e.target.value })} />
                            </td>
                            <td>
                              <input aria-label={`Score of ${name}`} type="number" value={level.score} onChange={(e) => change({ score: e.target.value })} />
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                  <div className="button-row">
                    <button
                      type="button"
                      onClick={() => updateCriterion(criterion.key, { levels: [...criterion.levels, { key: nextKey(), code: '', label: '', score: '' }] })}
                    >
                      Add level to criterion {n}
                    </button>
                    <button type="button" className="danger" onClick={() => setCriteria((current) => current.filter((c) => c.key !== criterion.key))}>
                      Remove criterion {n}
                    </button>
                  </div>
                </fieldset>
              );
            })}
            <div className="button-row">
              <button
                type="button"
                onClick={() =>
                  setCriteria((current) => [
                    ...current,
                    {
                      key: nextKey(),
                      criterionId: freeId('criterion', current.map((c) => c.criterionId)),
                      title: '',
                      competencyId: aligned.length === 1 ? aligned[0]!.id : '',
                      levels: defaultLevels(),
                    },
                  ])
                }
              >
                Add criterion
              </button>
            </div>
          </>
        ) : null}

        {view.kind === 'OBSERVATION' ? (
          <>
            <h2>Checklist</h2>
            {checklist.map((item, index) => {
              const n = index + 1;
              const change = (part: Partial<CheckForm>) =>
                setChecklist((current) => current.map((c) => (c.key === item.key ? { ...c, ...part } : c)));
              return (
                <fieldset key={item.key}>
                  <legend>Checklist item {n}</legend>
                  <TextField label={`What to observe (item ${n})`} value={item.text} onChange={(v) => change({ text: v })} />
                  {competencySelect(`Competency of item ${n}`, item.competencyId, (v) => change({ competencyId: v }))}
                </fieldset>
              );
            })}
            <button
              type="button"
              onClick={() =>
                setChecklist((current) => [
                  ...current,
                  { key: nextKey(), itemId: freeId('check', current.map((c) => c.itemId)), text: '', competencyId: aligned.length === 1 ? aligned[0]!.id : '' },
                ])
              }
            >
              Add checklist item
            </button>
          </>
        ) : null}

        {define.isError ? <ProblemMessage error={define.error} title="The definition was not saved." /> : null}
        {saved ? (
          <p className="success" role="status">
            Draft version {view.draftVersion} is saved.
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={!editable || define.isPending}>
            {define.isPending ? 'Saving…' : 'Save draft'}
          </button>
          {view.status !== 'RETIRED' ? (
            <button type="button" onClick={() => setConfirm('publish')} disabled={!view.draft}>
              Publish
            </button>
          ) : null}
          {view.status === 'PUBLISHED' ? (
            <button type="button" className="danger" onClick={() => setConfirm('retire')}>
              Retire
            </button>
          ) : null}
        </div>
      </form>
      {confirm === 'publish' ? (
        <ConfirmDialog
          title={`Publish “${view.title}”?`}
          confirmLabel="Publish"
          busy={publish.isPending}
          error={publish.error}
          onCancel={() => {
            publish.reset();
            setConfirm(null);
          }}
          onConfirm={() => publish.mutate(undefined, { onSuccess: () => setConfirm(null) })}
        >
          <p>Learners can take the saved draft once it is published. Save your changes first.</p>
        </ConfirmDialog>
      ) : null}
      {confirm === 'retire' ? (
        <ConfirmDialog
          title={`Retire “${view.title}”?`}
          confirmLabel="Retire assessment"
          danger
          busy={retire.isPending}
          error={retire.error}
          onCancel={() => {
            retire.reset();
            setConfirm(null);
          }}
          onConfirm={() => retire.mutate(undefined, { onSuccess: () => setConfirm(null) })}
        >
          <p>Learners can no longer start it.</p>
        </ConfirmDialog>
      ) : null}
      {aligned.length === 0 ? <p className="hint">Align at least one competency before adding questions or criteria.</p> : null}
      {byId.size === 0 ? <p className="hint">The framework version has no competencies.</p> : null}
    </>
  );
}
