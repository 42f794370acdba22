import { useState, type FormEvent } from 'react';
import type { ItemResponse, QuizItem } from '../api/assessments';
import { ProblemMessage } from '../shell/ProblemMessage';

type Answers = Record<string, ItemResponse>;

/** The quiz's items; answers are sent when the learner submits. */
export function QuizForm({ items, pending, error, onSubmit }: {
  items: readonly QuizItem[];
  pending: boolean;
  error: unknown;
  onSubmit: (answers: Answers) => void;
}) {
  const [answers, setAnswers] = useState<Answers>(() =>
    Object.fromEntries(items.filter((item) => item.type === 'ORDERING').map((item) => [item.itemId, { choices: [...item.options] }])),
  );
  const set = (itemId: string, response: ItemResponse) => setAnswers((current) => ({ ...current, [itemId]: response }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(answers);
  };
  return (
    <form onSubmit={submit}>
      <ol className="quiz">
        {items.map((item, index) => {
          const response = answers[item.itemId];
          const choices = response?.choices ?? [];
          const name = `item-${item.itemId}`;
          return (
            <li key={item.itemId}>
              {item.type === 'NUMERIC' ? (
                <div className="field">
                  <label htmlFor={name}>{item.prompt}</label>
                  <input
                    id={name}
                    type="number"
                    step="any"
                    inputMode="decimal"
                    value={response?.number ?? ''}
                    onChange={(event) =>
                      set(item.itemId, { number: event.target.value === '' ? null : Number(event.target.value) })}
                  />
                </div>
              ) : item.type === 'ORDERING' ? (
                <fieldset>
                  <legend>{item.prompt} <span className="muted">(put in order)</span></legend>
                  <ol>
                    {choices.map((option, position) => (
                      <li key={option}>
                        {option}{' '}
                        <button
                          type="button"
                          className="button"
                          disabled={position === 0}
                          aria-label={`Move ${option} up`}
                          onClick={() => set(item.itemId, { choices: move(choices, position, position - 1) })}
                        >
                          Up
                        </button>{' '}
                        <button
                          type="button"
                          className="button"
                          disabled={position === choices.length - 1}
                          aria-label={`Move ${option} down`}
                          onClick={() => set(item.itemId, { choices: move(choices, position, position + 1) })}
                        >
                          Down
                        </button>
                      </li>
                    ))}
                  </ol>
                </fieldset>
              ) : (
                <fieldset>
                  <legend>
                    <span className="visually-hidden">Question {index + 1}: </span>
                    {item.prompt}
                    {item.type === 'MULTIPLE_CHOICE' ? <span className="muted"> (choose all that apply)</span> : null}
                  </legend>
                  {item.options.map((option) => (
                    <label className="choice" key={option}>
                      <input
                        type={item.type === 'MULTIPLE_CHOICE' ? 'checkbox' : 'radio'}
                        name={name}
                        value={option}
                        checked={choices.includes(option)}
                        onChange={(event) =>
                          set(item.itemId, {
                            choices: item.type === 'MULTIPLE_CHOICE'
                              ? event.target.checked
                                ? [...choices, option]
                                : choices.filter((choice) => choice !== option)
                              : [option],
                          })}
                      />
                      {option}
                    </label>
                  ))}
                </fieldset>
              )}
            </li>
          );
        })}
      </ol>
      {error ? <ProblemMessage error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? 'Submitting…' : 'Submit answers'}
        </button>
      </div>
    </form>
  );
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}
