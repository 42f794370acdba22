import { useState, type FormEvent } from 'react';
import type { LevelChoice, RubricCriterion } from '../api/assessments';
import { FieldMessage, ProblemMessage } from '../shell/ProblemMessage';

/**
 * Choosing one level per rubric criterion, with a comment: assessors grading, learners rating themselves,
 * peers giving feedback.
 */
export function RubricForm({
  criteria,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  competencyTitle = (id) => id,
}: {
  criteria: readonly RubricCriterion[];
  initial?: Record<string, string>;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (choice: LevelChoice) => void;
  competencyTitle?: (competencyId: string) => string;
}) {
  const [levels, setLevels] = useState<Record<string, string>>(initial ?? {});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const open = criteria.filter((criterion) => !levels[criterion.criterionId]).map((c) => c.criterionId);
    setMissing(open);
    if (open.length === 0) {
      onSubmit({ levels, comment: comment.trim() || undefined });
    }
  };
  if (criteria.length === 0) {
    return <p className="muted">This assessment has no rubric criteria.</p>;
  }
  return (
    <form onSubmit={submit} noValidate>
      {criteria.map((criterion) => {
        const isMissing = missing.includes(criterion.criterionId);
        const hintId = `criterion-${criterion.criterionId}-error`;
        return (
          <fieldset key={criterion.criterionId} aria-describedby={isMissing ? hintId : undefined}>
            <legend>
              {criterion.title} <span className="muted">({competencyTitle(criterion.competencyId)})</span>
            </legend>
            {criterion.levels.map((level) => (
              <label className="choice" key={level.code}>
                <input
                  type="radio"
                  name={`criterion-${criterion.criterionId}`}
                  value={level.code}
                  checked={levels[criterion.criterionId] === level.code}
                  onChange={() => setLevels((current) => ({ ...current, [criterion.criterionId]: level.code }))}
                />
                {level.label} <span className="muted">(score {level.score})</span>
              </label>
            ))}
            {isMissing ? <p id={hintId} className="field-error">Choose a level for {criterion.title}.</p> : null}
            <FieldMessage id={`${hintId}-server`} error={error} field={`levels.${criterion.criterionId}`} />
          </fieldset>
        );
      })}
      <div className="field">
        <label htmlFor="rubric-comment">Comment (optional)</label>
        <textarea id="rubric-comment" value={comment} onChange={(event) => setComment(event.target.value)} />
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
