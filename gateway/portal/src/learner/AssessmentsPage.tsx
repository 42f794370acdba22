import { Page } from '../shell/Page';
import { NotAvailable } from '../shell/States';

export default function AssessmentsPage() {
  return (
    <Page title="Assessments">
      <NotAvailable what="This page" />
    </Page>
  );
}
