import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_ID, frameworkVersion, masteryJson, reviewMasteryJson, teamJson, teamMasteryJson } from '../test/fixtures';
import { renderApp } from '../test/render';
import { FakePlatform, problem, signedIn } from '../test/server';

describe('team page', () => {
  function managerPlatform() {
    return new FakePlatform(signedIn({ subject: 'manager-1', roles: ['MANAGER'], managedTeams: ['team-1'] }))
      .on('GET', '/api/teams/team-1', teamJson)
      .on('GET', `/api/frameworks/${FRAMEWORK_ID}/versions/1`, frameworkVersion)
      .on('GET', '/api/learners/learner-1/mastery', [masteryJson, reviewMasteryJson])
      .on('GET', '/api/learners/learner-2/mastery', [{ ...masteryJson, level: 'EXPERT', lastEvidenceAt: new Date().toISOString() }]);
  }

  it('readsTheWholeTeamsLevelsInOneRequest_whenTheServiceOffersIt', async () => {
    const platform = managerPlatform().on('GET', '/api/teams/team-1/mastery', teamMasteryJson);
    renderApp('/team');

    const heatmap = await screen.findByRole('table', { name: /Level of each member/ });
    const ada = within(heatmap).getByRole('row', { name: /Ada Learner/ });
    expect(ada).toHaveTextContent('Novice');
    expect(within(ada).getByText('Proficient')).toHaveTextContent('Proficient ✓ (mastered)');
    expect(within(heatmap).getByRole('row', { name: /Grace Learner/ })).toHaveTextContent('Expert');
    expect(platform.callsTo('GET', /^\/api\/learners\/.*\/mastery$/)).toHaveLength(0);
    expect(screen.getByText(/levels as of 5 Mar 2026, 12:00 UTC/)).toBeInTheDocument();
    const stalled = screen.getByRole('heading', { name: 'Stalled' }).nextElementSibling!;
    expect(stalled).toHaveTextContent('Ada Learner');
    expect(stalled).not.toHaveTextContent('Grace Learner');
  });

  it('fallsBackToEachMembersMastery_whenTheTeamsMasteryIsNotServed', async () => {
    const platform = managerPlatform();
    renderApp('/team');

    const heatmap = await screen.findByRole('table', { name: /Level of each member/ });
    const ada = within(heatmap).getByRole('row', { name: /Ada Learner/ });
    expect(ada).toHaveTextContent('Proficient');
    expect(ada).toHaveTextContent('Practitioner');
    expect(ada).toHaveTextContent('50%');
    const grace = within(heatmap).getByRole('row', { name: /Grace Learner/ });
    expect(within(grace).getByText('Expert')).toHaveClass('level');
    expect(grace).toHaveTextContent('No evidence');
    expect(within(heatmap).getByRole('link', { name: 'Ada Learner' })).toHaveAttribute('href', '/learners/learner-1');
    expect(platform.callsTo('GET', '/api/teams/team-1/mastery')).toHaveLength(1);
    expect(platform.callsTo('GET', '/api/learners/learner-2/mastery')).toHaveLength(1);
  });

  it('showsTheProblem_whenTheTeamsMasteryFailsOtherwise', async () => {
    managerPlatform().on('GET', '/api/teams/team-1/mastery', problem(503, 'Levels are being rebuilt', {}, 'req-503'));
    renderApp('/team');

    expect(await screen.findByText("The team's levels could not be loaded.")).toBeInTheDocument();
    expect(screen.getByText('Levels are being rebuilt')).toBeInTheDocument();
  });

  it('listsCloseToReadyAndStalledMembers', async () => {
    managerPlatform();
    renderApp('/team/team-1');

    const close = (await screen.findByRole('heading', { name: 'Close to ready' })).nextElementSibling!;
    expect(close).toHaveTextContent('Grace Learner');
    const stalled = screen.getByRole('heading', { name: 'Stalled' }).nextElementSibling!;
    expect(stalled).toHaveTextContent('Ada Learner');
    expect(stalled).not.toHaveTextContent('Grace Learner');
  });

  it('showsTheProblem_whenTheTeamIsNotTheManagers', async () => {
    managerPlatform().on('GET', '/api/teams/team-9', problem(403, 'You may view only the teams you manage'));
    renderApp('/team/team-9');

    expect(await screen.findByText('You may view only the teams you manage')).toBeInTheDocument();
  });

  it('refusesTheTeamPage_toALearner', async () => {
    new FakePlatform(signedIn({ roles: ['LEARNER'] }));
    renderApp('/team');

    expect(await screen.findByRole('heading', { level: 1, name: 'Access denied' })).toBeInTheDocument();
    expect(screen.getByText(/needs the Manager role/)).toBeInTheDocument();
  });
});
