import { Page } from '../shell/Page';
import { NotAvailable } from '../shell/States';

export default function FrameworksPage() {
  return (
    <Page title="Frameworks">
      <NotAvailable what="Frameworks and their versions in the portal" />
    </Page>
  );
}
