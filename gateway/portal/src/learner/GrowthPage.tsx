import { Page } from '../shell/Page';
import { NotAvailable } from '../shell/States';

export default function GrowthPage() {
  return (
    <Page title="Growth">
      <NotAvailable what="This page" />
    </Page>
  );
}
