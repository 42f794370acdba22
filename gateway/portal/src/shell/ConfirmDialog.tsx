import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ProblemMessage } from './ProblemMessage';

/**
 * A modal confirmation step on a native <dialog>: focus stays inside, Escape cancels. With `requireText` the
 * confirm button opens only after the caller has typed that text (for steps that cannot be undone).
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger = false,
  requireText,
  busy = false,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  requireText?: string;
  busy?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) {
      element.showModal();
    }
    return () => element?.close();
  }, []);
  const allowed = !busy && (requireText === undefined || typed === requireText);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (allowed) {
            onConfirm();
          }
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        {requireText !== undefined ? (
          <div className="field">
            <label htmlFor={inputId}>
              Type <code>{requireText}</code> to confirm
            </label>
            <input id={inputId} value={typed} autoComplete="off" onChange={(event) => setTyped(event.target.value)} />
          </div>
        ) : null}
        {error ? <ProblemMessage error={error} /> : null}
        <div className="button-row">
          <button type="submit" className={danger ? 'danger primary' : 'primary'} disabled={!allowed}>
            {busy ? 'Working…' : confirmLabel}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
