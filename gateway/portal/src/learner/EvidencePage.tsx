import { useEffect } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { Page } from '../shell/Page';
import { Pager } from '../shell/Pager';
import { Empty, Loading } from '../shell/States';
import { evidenceAnchor, EvidenceTable } from './EvidenceTable';
import { useCatalog, useEvidence, useLearnerScope } from './hooks';
import { LearnerFrame, LearnerProblem } from './LearnerFrame';

export const PAGE_SIZE = 25;

export default function EvidencePage() {
  const scope = useLearnerScope();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const offset = (page - 1) * PAGE_SIZE;
  const evidence = useEvidence(scope.learnerId, offset, PAGE_SIZE);
  const items = evidence.data?.items ?? [];
  const { catalog } = useCatalog(items.map((entry) => ({
    frameworkId: entry.evidence.frameworkId,
    frameworkVersion: entry.evidence.frameworkVersion,
  })));
  const total = evidence.data?.total;
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / PAGE_SIZE));
  const goTo = (next: number) => setParams(next === 1 ? {} : { page: String(next) });
  const target = useTarget();
  const found = target !== undefined && items.some((entry) => entry.evidence.evidenceId === target);
  useEffect(() => {
    if (found && target) {
      const row = document.getElementById(evidenceAnchor(target));
      row?.focus();
      row?.scrollIntoView?.({ block: 'center' });
    }
  }, [found, target]);
  return (
    <Page title="Evidence">
      <LearnerFrame scope={scope}>
        {evidence.isPending ? (
          <Loading label="Loading evidence…" />
        ) : evidence.isError ? (
          <LearnerProblem error={evidence.error} />
        ) : items.length === 0 && page === 1 ? (
          <Empty><p>No evidence recorded yet.</p></Empty>
        ) : (
          <>
            <p>
              {total === undefined
                ? `Items ${offset + 1} to ${offset + items.length}.`
                : `Items ${Math.min(offset + 1, total)} to ${offset + items.length} of ${total}.`}
            </p>
            {target && !found && !evidence.isPlaceholderData ? (
              <p className="notice">
                Evidence <code>{target}</code> is not on this page. The list runs in the order things happened; look on
                the other pages.
              </p>
            ) : null}
            <EvidenceTable
              target={target}
              entries={items}
              titleOf={(entry) => catalog.title(entry.evidence.frameworkId, entry.evidence.frameworkVersion, entry.evidence.competencyId)}
            />
            <Pager label="Evidence pages" page={page} pages={pages} hasNext={items.length === PAGE_SIZE} onGo={goTo} />
          </>
        )}
      </LearnerFrame>
    </Page>
  );
}

/** The evidence id a link pointed at with #evidence-{id}. */
function useTarget(): string | undefined {
  const { hash } = useLocation();
  const prefix = `#${evidenceAnchor('')}`;
  if (!hash.startsWith(prefix)) {
    return undefined;
  }
  try {
    return decodeURIComponent(hash.slice(prefix.length)) || undefined;
  } catch {
    return undefined;
  }
}
