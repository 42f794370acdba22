import { useEffect, useState, type FormEvent } from 'react';
import { NOTIFICATION_KINDS, type NotificationKind } from '../api/community';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Skeleton } from '../shell/Skeleton';
import { useNotificationSettings, useSaveSettings } from './hooks';

export const KIND_LABELS: Record<NotificationKind, string> = {
  LEVEL_CHANGED: 'My level on a competency changed',
  ATTEMPT_GRADED: 'An attempt of mine was graded',
  REPLY: 'Someone replied to a discussion I started',
  MENTION: 'Someone mentioned me',
  CHALLENGE_PROGRESSED: 'A challenge I am in progressed',
  CHALLENGE_ENDED: 'A challenge I am in ended',
  MASTERY_EXPIRING: 'A mastery of mine expires soon',
  PEER_RATING_REQUESTED: 'A peer asked me for a rating',
};

/** Which kinds of notification the caller gets: a muted kind stays stored but leaves the bell and the stream. */
export default function NotificationSettingsPage() {
  const settings = useNotificationSettings();
  const save = useSaveSettings();
  const [muted, setMuted] = useState<Set<NotificationKind> | null>(null);
  useEffect(() => {
    if (settings.data && muted === null) {
      setMuted(new Set(settings.data.muted));
    }
  }, [settings.data, muted]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (muted) {
      save.mutate(NOTIFICATION_KINDS.filter((kind) => muted.has(kind)));
    }
  };
  return (
    <Page title="Notification settings" intro={<p>Choose what the bell tells you about. Muted notifications are kept and come back when you unmute them.</p>}>
      {settings.isPending || (settings.isSuccess && muted === null) ? (
        <Skeleton label="Loading your settings…" rows={6} />
      ) : settings.isError ? (
        <ProblemMessage error={settings.error} />
      ) : muted ? (
        <form onSubmit={submit}>
          <fieldset>
            <legend>Notify me when</legend>
            {NOTIFICATION_KINDS.map((kind) => (
              <label className="choice" key={kind}>
                <input
                  type="checkbox"
                  checked={!muted.has(kind)}
                  onChange={(event) => {
                    const next = new Set(muted);
                    if (event.target.checked) {
                      next.delete(kind);
                    } else {
                      next.add(kind);
                    }
                    setMuted(next);
                    save.reset();
                  }}
                />
                {KIND_LABELS[kind]}
              </label>
            ))}
          </fieldset>
          {save.isError ? <ProblemMessage error={save.error} title="Your settings were not saved." /> : null}
          {save.isSuccess ? <p className="success" role="status">Your settings are saved.</p> : null}
          <div className="button-row">
            <button type="submit" className="button primary" disabled={save.isPending}>Save settings</button>
          </div>
        </form>
      ) : null}
    </Page>
  );
}
