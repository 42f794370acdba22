import { Page } from '../shell/Page';
import { NotAvailable } from '../shell/States';

export default function ExplanationPage() {
  return (
    <Page title="Why this level">
      <NotAvailable what="This page" />
    </Page>
  );
}
