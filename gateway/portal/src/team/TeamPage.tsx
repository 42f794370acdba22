import { Page } from '../shell/Page';
import { NotAvailable } from '../shell/States';

export default function TeamPage() {
  return (
    <Page title="Team">
      <NotAvailable what="This page" />
    </Page>
  );
}
