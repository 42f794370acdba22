import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakePlatform, problem, signedIn } from '../test/server';
import { renderApp } from '../test/render';
import { RETURN_TO_KEY } from './useSession';

describe('shell', () => {
  it('showsOnlyTheLearnersPages_whenSignedInAsLearner', async () => {
    new FakePlatform(signedIn({ roles: ['LEARNER'] }));
    renderApp('/me/growth');

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'My competencies' })).toHaveAttribute('href', '/me');
    expect(within(nav).getByRole('link', { name: 'Evidence' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Team' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Administration' })).not.toBeInTheDocument();
  });

  it('showsEveryRolesPages_whenCallerHoldsAllRoles', async () => {
    new FakePlatform(signedIn({ roles: ['LEARNER', 'MANAGER', 'ASSESSOR', 'AUTHOR', 'ANALYST', 'ADMIN'] }));
    renderApp('/me/growth');

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    for (const name of ['My competencies', 'Team', 'Grading queue', 'Frameworks', 'Analytics', 'Administration']) {
      expect(within(nav).getByRole('link', { name })).toBeInTheDocument();
    }
  });

  it.each([
    [['LEARNER'], '/me'],
    [['MANAGER'], '/team'],
    [['ASSESSOR'], '/grading'],
    [['AUTHOR'], '/authoring/frameworks'],
    [['ANALYST'], '/analytics'],
    [['ADMIN'], '/admin'],
    [['ANALYST', 'MANAGER'], '/team'],
  ] as const)('redirectsToTheFirstRolesHome_whenOpeningTheRoot %j', async (roles, home) => {
    new FakePlatform(signedIn({ roles: [...roles] }));
    const { router } = renderApp('/');

    await vi.waitFor(() => expect(router.state.location.pathname).toBe(home));
  });

  it('returnsToTheStoredPage_whenComingBackFromSignIn', async () => {
    sessionStorage.setItem(RETURN_TO_KEY, '/me/evidence');
    new FakePlatform(signedIn());
    const { router } = renderApp('/');

    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/me/evidence'));
    expect(sessionStorage.getItem(RETURN_TO_KEY)).toBeNull();
  });

  it('explainsWhichRoleIsNeeded_whenOpeningAPageTheRolesDoNotAllow', async () => {
    new FakePlatform(signedIn({ roles: ['LEARNER'] }));
    renderApp('/admin');

    expect(await screen.findByRole('heading', { level: 1, name: 'Access denied' })).toBeInTheDocument();
    expect(screen.getByText(/needs the Administrator role/)).toBeInTheDocument();
    expect(screen.getByText(/signed in with the Learner role/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Administration' })).not.toBeInTheDocument();
  });

  it('showsTheLandingPageWithSignIn_whenSignedOut', async () => {
    new FakePlatform({ authenticated: false, loginUrl: '/oauth2/authorization/portal' });
    renderApp('/me/evidence');

    expect(await screen.findByRole('heading', { level: 1, name: 'Competency portal' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Sign in' }).length).toBeGreaterThan(0);
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });

  it('remembersTheDeepLink_whenSigningIn', async () => {
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    new FakePlatform({ authenticated: false, loginUrl: '/oauth2/authorization/portal' });
    const { user } = renderApp('/me/evidence');

    await user.click((await screen.findAllByRole('button', { name: 'Sign in' }))[0]!);

    expect(sessionStorage.getItem(RETURN_TO_KEY)).toBe('/me/evidence');
    expect(assign).toHaveBeenCalledWith('/oauth2/authorization/portal');
  });

  it('postsTheCsrfTokenWithSignOut_asARealForm', async () => {
    document.cookie = 'XSRF-TOKEN=token-123; path=/';
    new FakePlatform(signedIn());
    renderApp('/me');

    const button = await screen.findByRole('button', { name: 'Sign out' });
    const form = button.closest('form')!;
    expect(form).toHaveAttribute('method', 'post');
    expect(form).toHaveAttribute('action', '/logout');
    form.addEventListener('submit', (event) => event.preventDefault());
    button.click();
    expect(form.querySelector<HTMLInputElement>('input[name="_csrf"]')!.value).toBe('token-123');
  });

  it('showsSessionEnded_whenAnApiAnswers401', async () => {
    new FakePlatform(signedIn()).on('GET', /^\/api\//, problem(401, 'Full authentication is required'));
    renderApp('/me');

    expect(await screen.findByRole('heading', { name: 'Your session has ended' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in again' })).toHaveAttribute('href', '/oauth2/authorization/portal');
  });

  it('showsNotFound_whenNoPageHasTheAddress', async () => {
    new FakePlatform(signedIn());
    renderApp('/no/such/page');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });

  it('offersASkipLinkToTheMainContent', async () => {
    new FakePlatform(signedIn());
    renderApp('/me');

    expect(await screen.findByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
  });
});
