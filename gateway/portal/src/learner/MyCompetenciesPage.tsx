import { Page } from '../shell/Page';
import { NotAvailable } from '../shell/States';

export default function MyCompetenciesPage() {
  return (
    <Page title="My competencies">
      <NotAvailable what="This page" />
    </Page>
  );
}
