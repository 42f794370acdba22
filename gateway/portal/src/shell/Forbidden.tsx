import { Link } from 'react-router';
import type { Role } from '../api/session';
import { homeFor, roleLabel } from './roles';
import { Page } from './Page';

function listOf(words: string[]): string {
  if (words.length <= 1) {
    return words.join('');
  }
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** Why a page is closed to the caller: which role it needs and which roles they have. */
export function Forbidden({ needed, have }: { needed: readonly Role[]; have: readonly Role[] }) {
  const home = homeFor(have);
  return (
    <Page title="Access denied">
      <p>
        This page needs the {listOf(needed.map(roleLabel))} role. You are signed in with{' '}
        {have.length > 0 ? `the ${listOf(have.map(roleLabel))} role${have.length > 1 ? 's' : ''}` : 'no role'}.
      </p>
      <p>If you need access, ask an administrator to assign you the role.</p>
      {home ? <Link to={home}>Go to your home page</Link> : null}
    </Page>
  );
}
