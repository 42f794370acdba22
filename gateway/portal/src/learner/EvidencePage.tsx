import { Page } from '../shell/Page';
import { NotAvailable } from '../shell/States';

export default function EvidencePage() {
  return (
    <Page title="Evidence">
      <NotAvailable what="This page" />
    </Page>
  );
}
