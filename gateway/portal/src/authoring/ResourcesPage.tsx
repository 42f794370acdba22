import { Page } from '../shell/Page';
import { NotAvailable } from '../shell/States';

export default function ResourcesPage() {
  return (
    <Page title="Learning resources">
      <NotAvailable what="Learning resources in the portal" />
    </Page>
  );
}
