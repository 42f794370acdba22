import { Page } from '../shell/Page';
import { NotAvailable } from '../shell/States';

export default function CaseImportPage() {
  return (
    <Page title="Import a CASE package">
      <NotAvailable what="CASE import in the portal" />
    </Page>
  );
}
