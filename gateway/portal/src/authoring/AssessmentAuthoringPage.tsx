import { Page } from '../shell/Page';
import { NotAvailable } from '../shell/States';

export default function AssessmentAuthoringPage() {
  return (
    <Page title="Assessment authoring">
      <NotAvailable what="Assessment authoring in the portal" />
    </Page>
  );
}
