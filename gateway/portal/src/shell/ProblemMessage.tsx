import { isApiProblem } from '../api/http';

const STATUS_WORDS: Record<number, string> = {
  0: 'The portal could not reach the platform.',
  400: 'The request was not accepted.',
  401: 'Your session has ended.',
  403: 'You are not allowed to do this.',
  404: 'This could not be found.',
  409: 'This conflicts with a change made in the meantime.',
  413: 'What you sent is too large.',
  415: 'This kind of file is not accepted.',
  422: 'The request was not accepted.',
  429: 'Too many requests: wait a moment and try again.',
  503: 'The service is not available right now. Try again in a moment.',
  504: 'The service took too long to answer. Try again in a moment.',
};

export function statusWords(status: number): string {
  return STATUS_WORDS[status] ?? (status >= 500 ? 'Something went wrong on our side.' : 'The request failed.');
}

/** A problem detail in plain words: what happened, field errors, and the request id for support. */
export function ProblemMessage({ error, title }: { error: unknown; title?: string }) {
  if (!isApiProblem(error)) {
    return (
      <div className="problem" role="alert">
        <p className="problem-title">{title ?? 'Something went wrong.'}</p>
        {error instanceof Error && error.message ? <p>{error.message}</p> : null}
      </div>
    );
  }
  const lead = title ?? statusWords(error.status);
  const detail = error.detail && error.detail !== lead ? error.detail : undefined;
  return (
    <div className="problem" role="alert">
      <p className="problem-title">{lead}</p>
      {detail ? <p>{detail}</p> : null}
      {error.errors.length > 0 ? (
        <ul className="problem-fields">
          {error.errors.map((fieldError, index) => (
            <li key={`${fieldError.field}-${index}`}>
              {fieldError.field ? <strong>{fieldError.field}: </strong> : null}
              {fieldError.message}
            </li>
          ))}
        </ul>
      ) : null}
      {error.requestId ? (
        <p className="problem-request">
          Request id: <code>{error.requestId}</code>
        </p>
      ) : null}
    </div>
  );
}

/** The message for one field, shown next to it (link it with aria-describedby). */
export function FieldMessage({ id, error, field }: { id: string; error: unknown; field: string }) {
  const message = isApiProblem(error) ? error.fieldError(field) : undefined;
  if (!message) {
    return null;
  }
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}
