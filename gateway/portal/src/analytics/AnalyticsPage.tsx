import { Page } from '../shell/Page';
import { NotAvailable } from '../shell/States';

export default function AnalyticsPage() {
  return (
    <Page title="Analytics">
      <NotAvailable what="Capability analytics in the portal" />
    </Page>
  );
}
