import { Page } from '../shell/Page';
import { NotAvailable } from '../shell/States';

export default function AdminPage() {
  return (
    <Page title="Administration">
      <NotAvailable what="Administration in the portal" />
    </Page>
  );
}
