import { Page } from '../shell/Page';
import { NotAvailable } from '../shell/States';

export default function GapsPage() {
  return (
    <Page title="Gaps and next steps">
      <NotAvailable what="This page" />
    </Page>
  );
}
