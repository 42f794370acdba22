import { Page } from '../shell/Page';
import { NotAvailable } from '../shell/States';

export default function GradingQueuePage() {
  return (
    <Page title="Grading queue">
      <NotAvailable what="This page" />
    </Page>
  );
}
