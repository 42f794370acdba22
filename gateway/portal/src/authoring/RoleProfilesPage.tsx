import { Page } from '../shell/Page';
import { NotAvailable } from '../shell/States';

export default function RoleProfilesPage() {
  return (
    <Page title="Role profiles">
      <NotAvailable what="Role profiles in the portal" />
    </Page>
  );
}
