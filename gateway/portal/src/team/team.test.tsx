import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coachingJson, FRAMEWORK_ID, frameworkVersion, masteryJson, reviewMasteryJson, teamJson, teamMasteryJson, teamReadinessJson } from '../test/fixtures';
import { renderApp } from '../test/render';
import { FakePlatform, problem, signedIn } from '../test/server';

describe('team page', () => {
  function managerPlatform() {
    return new FakePlatform(signedIn({ subject: 'manager-1', roles: ['MANAGER'], managedTeams: ['team-1'] }))
      .on('GET', '/api/teams/team-1', teamJson)
      .on('GET', `/api/frameworks/${FRAMEWORK_ID}/versions/1`, frameworkVersion)
      .on('GET', '/api/learners/learner-1/mastery', [masteryJson, reviewMasteryJson])
      .on('GET', '/api/learners/learner-2/mastery', [{ ...masteryJson, level: 'EXPERT', lastEvidenceAt: new Date().toISOString() }])
      .on('GET', '/api/analytics/readiness', teamReadinessJson)
      .on('GET', '/api/analytics/coaching', coachingJson);
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

  it('showsTheTeamsReadinessWithItsPeople_forTheMembersRoleProfile', async () => {
    const platform = managerPlatform();
    renderApp('/team/team-1');

    const groups = await screen.findByRole('table', { name: 'People ready, close and far per group' });
    expect(within(groups).getByRole('row', { name: 'team-1 (eng) 2 0 1 1' })).toBeInTheDocument();
    const people = screen.getByRole('table', { name: /People of team-1 \(eng\)/ });
    const [, grace, ada] = within(people).getAllByRole('row');
    expect(grace).toHaveTextContent(/^Grace LearnerClose85%c-pairing: no level yet, needs Proficient$/);
    expect(ada).toHaveTextContent(/^Ada LearnerFar50%Code review: Novice, needs Proficient$/);
    expect(within(ada!).getByRole('link', { name: 'Ada Learner' })).toHaveAttribute('href', '/learners/learner-1/gaps');
    const call = platform.callsTo('GET', '/api/analytics/readiness')[0]!;
    expect(Object.fromEntries(new URL(call.url, 'http://portal.test').searchParams)).toEqual({ roleProfileId: 'rp-1', teamId: 'team-1', groupBy: 'team' });
  });

  it('listsPeopleToCoach_fromTheAnalyticsService', async () => {
    const platform = managerPlatform();
    renderApp('/team/team-1');

    const stalled = await screen.findByRole('region', { name: 'Stalled (1)' });
    expect(within(stalled).getByRole('link', { name: 'Ada Learner' })).toHaveAttribute('href', '/learners/learner-1');
    expect(within(stalled).getByRole('link', { name: /Code review/ })).toHaveAttribute('href', '/learners/learner-1/competencies/c-review');
    expect(stalled).toHaveTextContent('the level stayed DEVELOPING');
    expect(screen.getByRole('region', { name: 'Close to ready (1)' })).toHaveTextContent('Grace Learner');
    expect(screen.getByRole('region', { name: 'Expiring (1)' })).toHaveTextContent('expires in 27 days');
    expect(platform.callsTo('GET', '/api/analytics/coaching')[0]!.url).toBe('/api/analytics/coaching?teamId=team-1');
    expect(screen.getByRole('link', { name: 'Download CSV (coaching list)' })).toHaveAttribute('href', '/api/analytics/coaching?teamId=team-1&format=csv');
  });

  it('explainsTheRefusal_whenTheCoachingListIsNotTheManagers', async () => {
    managerPlatform().on('GET', '/api/analytics/coaching', problem(403, 'You may view only the teams you manage', {}, 'req-403'));
    renderApp('/team/team-1');

    const alert = (await screen.findByText(/The coaching list names people/)).closest('[role="alert"]');
    expect(alert).toHaveTextContent('req-403');
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
