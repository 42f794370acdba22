import { useId, useState, type ReactNode } from 'react';

/**
 * A destructive or lasting action behind a second step: the first button asks, the confirmation says what
 * will happen and offers to go ahead or cancel.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled,
  pending,
  danger = true,
  children,
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  pending?: boolean;
  danger?: boolean;
  /** Extra fields shown with the question (a reason, for example). */
  children?: ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  if (!asking) {
    return (
      <button type="button" className={danger ? 'button danger' : 'button'} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm notice" role="group" aria-labelledby={questionId}>
      <p id={questionId}>{question}</p>
      {children}
      <div className="button-row">
        <button
          type="button"
          className={danger ? 'button danger primary' : 'button primary'}
          disabled={disabled || pending}
          onClick={() => {
            onConfirm();
          }}
        >
          {pending ? 'Working…' : confirmLabel}
        </button>
        <button type="button" className="button" onClick={() => setAsking(false)} disabled={pending}>
          Cancel
        </button>
      </div>
    </div>
  );
}
