import { useId, type ReactNode } from 'react';
import { isApiProblem } from '../api/http';
import { FieldMessage } from './ProblemMessage';

/**
 * A labelled form field whose problem-detail message (the field error named `field`) shows right under it and is
 * announced with it (aria-describedby, aria-invalid).
 */
export function TextField({
  label,
  value,
  onChange,
  error,
  field,
  type = 'text',
  required = false,
  hint,
  multiline = false,
  placeholder,
  step,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: unknown;
  field?: string;
  type?: 'text' | 'number' | 'url' | 'search';
  required?: boolean;
  hint?: ReactNode;
  multiline?: boolean;
  placeholder?: string;
  step?: string;
}) {
  const id = useId();
  const message = field && isApiProblem(error) ? error.fieldError(field) : undefined;
  const described = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    required,
    placeholder,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': described,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type} step={step} onChange={(event) => onChange(event.target.value)} />
      )}
      {field ? <FieldMessage id={`${id}-error`} error={error} field={field} /> : null}
    </div>
  );
}
