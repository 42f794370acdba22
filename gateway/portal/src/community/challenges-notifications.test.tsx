import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource } from '../test/eventSource';
import { summary } from '../authoring/fixtures';
import { teamJson } from '../test/fixtures';
import { fill, renderApp } from '../test/render';
import { FakePlatform, json, noContent, problem, signedIn, type Call } from '../test/server';
import { challenge, feed, leaderboard, notification } from './fixtures';

const FEED = '/api/community/notifications';

const hit = (id: string, title: string, code: string) => ({
  frameworkId: 'fw-1', version: 2, status: 'PUBLISHED', id, code, title,
});

describe('challenges', () => {
  beforeEach(() => FakeEventSource.install());
  afterEach(() => vi.unstubAllGlobals());

  it('showsEachMembersContribution_theGroupTotal_theStatus_andTheLeaderboard', async () => {
    new FakePlatform(signedIn({ subject: 'learner-1', roles: ['LEARNER'] }))
      .on('GET', FEED, problem(404, 'No such route'))
      .on('GET', '/api/community/challenges', [challenge, { ...challenge, challengeId: 'ch-0', title: 'Review month', status: 'MISSED', total: 1, goal: 'MASTERED_COUNT', level: null }])
      .on('GET', '/api/community/leaderboard', leaderboard);
    renderApp('/challenges');

    const card = await screen.findByRole('region', { name: 'Everyone proficient in testing' });
    expect(within(card).getByText('Running')).toBeInTheDocument();
    expect(card).toHaveTextContent('3 of 4');
    expect(card).toHaveTextContent('4 members at level PROFICIENT or above on the competency');
    expect(within(card).getByText('Group').nextElementSibling).toHaveTextContent('Your team');
    expect(within(card).getByText('Your contribution').nextElementSibling).toHaveTextContent('1');
    const members = within(card).getByRole('table', { name: "Each member's contribution" });
    expect(within(members).getByRole('row', { name: 'You 1' })).toBeInTheDocument();
    expect(within(members).getAllByRole('row').slice(1).map((row) => row.textContent))
      .toEqual(['You1', 'Member 11', 'Member 21', 'Member 30']);
    expect(card.textContent).not.toMatch(/learner-\d/);
    expect(within(screen.getByRole('region', { name: 'Review month' })).getByText('Missed')).toBeInTheDocument();

    const board = screen.getByRole('table', { name: /Challenges on the leaderboard/ });
    expect(within(board).getByRole('row', { name: /2 Everyone proficient in testing Your team, running Your team Running 3 of 4 \(75%\)/ })).toBeInTheDocument();
    expect(screen.getByText('2 groups are not shown: fewer than 5 people.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New challenge' })).not.toBeInTheDocument();
  });

  it('namesTheCompetencies_byCodeAndTitle_andAskesNoTeamForALearner', async () => {
    const platform = new FakePlatform(signedIn({ subject: 'learner-1', roles: ['LEARNER'] }))
      .on('GET', FEED, problem(404, 'No such route'))
      .on('GET', '/api/frameworks', [summary()])
      .on('GET', '/api/frameworks/competencies', [hit('c-test', 'Automated testing', 'SE.1'), hit('c-review', 'Code review', 'SE.2')])
      .on('GET', '/api/community/challenges', [{ ...challenge, competencyIds: ['c-test', 'c-review'] }])
      .on('GET', '/api/community/leaderboard', leaderboard);
    renderApp('/challenges');

    const card = await screen.findByRole('region', { name: 'Everyone proficient in testing' });
    const competencies = within(card).getByText('Competencies').nextElementSibling as HTMLElement;
    await waitFor(() => expect(within(competencies).getAllByRole('listitem').map((item) => item.textContent))
      .toEqual(['SE.1 Automated testing', 'SE.2 Code review']));
    expect(platform.callsTo('GET', /^\/api\/teams\//)).toHaveLength(0);
    expect(platform.callsTo('GET', /^\/api\/learners\//)).toHaveLength(0);
  });

  it('namesTheMembersOfAManagedTeam_fromTheTeam_andNumbersThoseItDoesNotName', async () => {
    new FakePlatform(signedIn({ subject: 'manager-1', roles: ['MANAGER'], managedTeams: ['team-1'] }))
      .on('GET', FEED, problem(404, 'No such route'))
      .on('GET', '/api/teams/team-1', teamJson)
      .on('GET', '/api/learners/learner-3', problem(404, 'No learner learner-3'))
      .on('GET', '/api/learners/learner-4', problem(404, 'No learner learner-4'))
      .on('GET', '/api/community/challenges', [challenge])
      .on('GET', '/api/community/leaderboard', leaderboard);
    renderApp('/challenges');

    const card = await screen.findByRole('region', { name: 'Everyone proficient in testing' });
    const members = within(card).getByRole('table', { name: "Each member's contribution" });
    await waitFor(() => expect(within(members).getAllByRole('row').slice(1).map((row) => row.textContent))
      .toEqual(['Ada Learner1', 'Grace Learner1', 'Member 11', 'Member 20']));
    expect(within(card).queryByText('Your contribution')).not.toBeInTheDocument();
  });

  it('foldsTheLeaderboardsGroupAndStatusUnderTheTitle_onANarrowScreen', async () => {
    new FakePlatform(signedIn({ subject: 'learner-1', roles: ['LEARNER'] }))
      .on('GET', FEED, problem(404, 'No such route'))
      .on('GET', '/api/community/challenges', [])
      .on('GET', '/api/community/leaderboard', leaderboard);
    renderApp('/challenges');

    const board = await screen.findByRole('table', { name: /Challenges on the leaderboard/ });
    const headers = within(board).getAllByRole('columnheader');
    expect(headers.filter((header) => !header.classList.contains('wide-only')).map((header) => header.textContent))
      .toEqual(['Rank', 'Challenge', 'Reached']);
    const row = within(board).getByRole('row', { name: /Review sprint/ });
    const heading = within(row).getByRole('rowheader');
    expect(heading.querySelector('.narrow-only')).toHaveTextContent('Team team-9, met');
    expect(row.querySelectorAll('td.wide-only')).toHaveLength(2);
    // Below 30rem the wide-only columns go and the folded text shows (jsdom applies no media queries).
    const theme = readFileSync(resolve(process.cwd(), 'src/shell/theme.css'), 'utf8');
    const narrow = theme.slice(theme.indexOf('@media (max-width: 30rem)'));
    expect(narrow).toMatch(/^@media \(max-width: 30rem\) \{[^}]*\.wide-only \{ display: none; \}[^}]*\.narrow-only \{ display: block; \}/);
  });

  it('offersChallengesInTheNavigation_toLearnersAndManagers_butNotTheNewChallengePageToLearners', async () => {
    new FakePlatform(signedIn({ roles: ['LEARNER'] })).on('GET', FEED, problem(404, 'No such route'));
    renderApp('/challenges/new');

    expect(await screen.findByRole('heading', { name: 'Access denied' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Challenges' })).toHaveAttribute('href', '/challenges');
  });

  it('setsAChallengeForAManagedTeam_andNamesTheFieldsTheServiceRefused', async () => {
    let attempts = 0;
    const platform = new FakePlatform(signedIn({ subject: 'manager-1', roles: ['MANAGER'], managedTeams: ['team-1', 'team-2'] }))
      .on('GET', FEED, problem(404, 'No such route'))
      .on('GET', '/api/frameworks/competencies', [hit('c-test', 'Automated testing', 'SE.1'), hit('c-review', 'Code review', 'SE.2')])
      .on('GET', '/api/community/challenges', [challenge])
      .on('GET', '/api/community/leaderboard', { entries: [], hiddenGroups: 0, minimumGroupSize: 5 })
      .on('POST', '/api/community/challenges', () => {
        attempts += 1;
        return attempts === 1
          ? problem(400, '2 fields are invalid: competencyIds[1], endsAt', {
            errors: [
              { field: 'competencyIds[1]', message: 'no published framework has this competency' },
              { field: 'endsAt', message: 'must be after startsAt' },
            ],
          })
          : json({ challengeId: 'ch-1' }, { status: 201 });
      });
    const { user, router } = renderApp('/challenges/new');

    await user.type(await screen.findByLabelText('Title'), 'Everyone proficient in testing');
    await user.selectOptions(screen.getByLabelText('Team'), 'team-2');
    await user.type(screen.getByLabelText('Find a competency'), 'te');
    await user.click(await screen.findByLabelText(/Automated testing/));
    await user.click(screen.getByLabelText(/Code review/));
    await user.type(screen.getByLabelText('Level'), 'PROFICIENT');
    await user.type(screen.getByLabelText('Target (members)'), '4');
    await fill(user, screen.getByLabelText('Starts (UTC)'), '2027-02-01T09:00');
    await fill(user, screen.getByLabelText('Ends (UTC)'), '2027-01-01T09:00');
    await user.click(screen.getByLabelText('Put it on the leaderboard'));
    await user.click(screen.getByRole('button', { name: 'Set challenge' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The challenge was not set.');
    expect(alert).toHaveTextContent('endsAt: must be after startsAt');
    expect(screen.getByText('Code review: no published framework has this competency')).toBeInTheDocument();
    const ends = screen.getByLabelText('Ends (UTC)');
    expect(ends).toHaveAttribute('aria-invalid', 'true');
    expect(ends).toHaveAccessibleDescription('must be after startsAt');
    expect(platform.callsTo('POST', '/api/community/challenges')[0]!.body).toEqual({
      title: 'Everyone proficient in testing',
      groupKind: 'TEAM',
      groupId: 'team-2',
      goal: 'MEMBERS_AT_LEVEL',
      competencyIds: ['c-test', 'c-review'],
      level: 'PROFICIENT',
      target: 4,
      startsAt: '2027-02-01T09:00:00.000Z',
      endsAt: '2027-01-01T09:00:00.000Z',
      onLeaderboard: true,
    });

    await user.click(screen.getByRole('button', { name: 'Remove Code review' }));
    await user.clear(screen.getByLabelText('Ends (UTC)'));
    await fill(user, screen.getByLabelText('Ends (UTC)'), '2027-03-01T09:00');
    await user.click(screen.getByRole('button', { name: 'Set challenge' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Challenges' })).toBeInTheDocument();
    expect(router.state.location.hash).toBe('#challenge-ch-1');
    expect(platform.callsTo('POST', '/api/community/challenges')[1]!.body).toMatchObject({ competencyIds: ['c-test'], endsAt: '2027-03-01T09:00:00.000Z' });
  });
});

describe('notification bell', () => {
  beforeEach(() => FakeEventSource.install());
  afterEach(() => vi.unstubAllGlobals());

  it('countsTheUnread_andUpdatesFromTheStream_withoutReloading', async () => {
    const platform = new FakePlatform(signedIn({ roles: ['ASSESSOR'] }))
      .on('GET', FEED, feed)
      .on('GET', '/api/assessments/grading-queue', []);
    const { user } = renderApp('/grading');

    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    const stream = FakeEventSource.latest();
    expect(stream.url).toBe('/api/community/notifications/stream');
    act(() => stream.open());
    act(() => stream.emit('notification', notification({ notificationId: 'n-7', kind: 'MENTION', text: 'learner-2 mentioned you' }), 'n-7'));

    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toBe(bell);
    await user.click(bell);
    const panel = screen.getByRole('region', { name: 'Notifications' });
    const items = within(panel).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('learner-2 mentioned you');
    expect(within(items[0]!).getByRole('link', { name: 'learner-2 mentioned you' })).toHaveAttribute('href', '/discussions/d-1');
    expect(within(items[2]!).getByRole('link', { name: /Your level in Automated testing/ })).toHaveAttribute('href', '/me/competencies/c-test');
    expect(platform.callsTo('GET', FEED)).toHaveLength(1);
  });

  it('marksOneAndThenAllRead', async () => {
    const platform = new FakePlatform(signedIn({ roles: ['ASSESSOR'] }))
      .on('GET', FEED, { ...feed, items: [notification(), notification({ notificationId: 'n-2', text: 'Your attempt was graded', kind: 'ATTEMPT_GRADED', link: null })], unreadCount: 2 })
      .on('POST', `${FEED}/n-1/read`, noContent())
      .on('POST', `${FEED}/read-all`, noContent())
      .on('GET', '/api/assessments/grading-queue', []);
    const { user } = renderApp('/grading');

    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    await user.click(screen.getByRole('button', { name: /Mark as read: learner-2 replied/ }));
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));

    expect(await screen.findByRole('button', { name: 'Notifications, 0 unread' })).toBeInTheDocument();
    expect(platform.callsTo('POST', `${FEED}/n-1/read`)).toHaveLength(1);
    expect(platform.callsTo('POST', `${FEED}/read-all`)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Mark as read/ })).not.toBeInTheDocument();
  });

  it('staysQuiet_whenTheCommunityServiceIsNotThere', async () => {
    new FakePlatform(signedIn({ roles: ['ASSESSOR'] }))
      .on('GET', FEED, problem(503, 'community is not available'))
      .on('GET', '/api/assessments/grading-queue', []);
    const { user } = renderApp('/grading');

    const bell = await screen.findByRole('button', { name: 'Notifications' });
    await screen.findByRole('heading', { level: 1, name: 'Grading queue' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(bell);
    expect(await screen.findByText('Notifications are not available right now.')).toBeInTheDocument();
    expect(FakeEventSource.instances).toHaveLength(0);
  });

  it('savesWhichKindsAreMuted', async () => {
    const platform = new FakePlatform(signedIn({ roles: ['LEARNER'] }))
      .on('GET', FEED, feed)
      .on('GET', `${FEED}/settings`, { muted: ['CHALLENGE_PROGRESSED'] })
      .on('PUT', `${FEED}/settings`, (call: Call) => json(call.body));
    const { user } = renderApp('/notifications/settings');

    const progressed = await screen.findByLabelText('A challenge I am in progressed');
    expect(progressed).not.toBeChecked();
    await user.click(screen.getByLabelText('Someone mentioned me'));
    await user.click(progressed);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Your settings are saved.')).toBeInTheDocument();
    expect(platform.callsTo('PUT', `${FEED}/settings`)[0]!.body).toEqual({ muted: ['MENTION'] });
  });

  it('mutesExpiryWarningsAndPeerRatingRequests_likeEveryOtherKind', async () => {
    const platform = new FakePlatform(signedIn({ roles: ['LEARNER'] }))
      .on('GET', FEED, feed)
      .on('GET', `${FEED}/settings`, { muted: [] })
      .on('PUT', `${FEED}/settings`, (call: Call) => json(call.body));
    const { user } = renderApp('/notifications/settings');

    await user.click(await screen.findByLabelText('A mastery of mine expires soon'));
    await user.click(screen.getByLabelText('A peer asked me for a rating'));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Your settings are saved.')).toBeInTheDocument();
    expect(platform.callsTo('PUT', `${FEED}/settings`)[0]!.body)
      .toEqual({ muted: ['MASTERY_EXPIRING', 'PEER_RATING_REQUESTED'] });
  });
});
