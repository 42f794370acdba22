import '../test/pages';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakePlatform, json, noContent, problem, signedIn } from '../test/server';
import { renderApp } from '../test/render';

vi.setConfig({ testTimeout: 15_000 });

const admin = () => signedIn({ roles: ['ADMIN'], username: 'admin-ada' });
const CLIENT = { key: 'key-old', name: 'Moodle', createdBy: 'admin-ada', createdAt: '2026-01-01T10:00:00Z', revoked: false };

describe('administration', () => {
  it('showsTheNewSecretOnce_whenCreatingAnXapiClient', async () => {
    const platform = new FakePlatform(admin())
      .on('GET', '/api/assessments/xapi-clients', [])
      .on('POST', '/api/assessments/xapi-clients', json({ key: 'key-1', secret: 's3cr3t', name: 'Moodle', createdAt: '2026-01-01T10:00:00Z' }, { status: 201 }));
    const { user } = renderApp('/admin/xapi-clients');

    expect(await screen.findByText('No activity provider is registered yet.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Name'), 'Moodle');
    await user.click(screen.getByRole('button', { name: 'Create client' }));

    const shown = await screen.findByRole('region', { name: 'Credentials of Moodle' });
    expect(within(shown).getByText('s3cr3t')).toBeInTheDocument();
    expect(platform.callsTo('POST', '/api/assessments/xapi-clients')[0]!.body).toEqual({ name: 'Moodle' });

    await user.click(screen.getByRole('button', { name: 'I have stored the secret' }));
    expect(screen.queryByText('s3cr3t')).not.toBeInTheDocument();
  });

  it('rotatesByCreatingANewClientAndRevokingTheOld_afterConfirmation', async () => {
    const platform = new FakePlatform(admin())
      .on('GET', '/api/assessments/xapi-clients', [CLIENT])
      .on('POST', '/api/assessments/xapi-clients', json({ key: 'key-new', secret: 'n3w', name: 'Moodle', createdAt: '2026-02-01T10:00:00Z' }, { status: 201 }))
      .on('DELETE', '/api/assessments/xapi-clients/key-old', noContent());
    const { user } = renderApp('/admin/xapi-clients');

    await user.click(await screen.findByRole('button', { name: 'Rotate Moodle' }));
    const dialog = screen.getByRole('dialog', { name: 'Rotate the credentials of Moodle?' });
    expect(platform.callsTo('POST', '/api/assessments/xapi-clients')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Rotate credentials' }));

    expect(await screen.findByText('n3w')).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(platform.callsTo('POST', '/api/assessments/xapi-clients')[0]!.body).toEqual({ name: 'Moodle' });
    expect(platform.callsTo('DELETE', '/api/assessments/xapi-clients/key-old')).toHaveLength(1);
  });

  it('erasesALearner_onlyAfterTheIdIsTypedAgain', async () => {
    const platform = new FakePlatform(admin())
      .on('GET', '/api/frameworks/role-profiles', [])
      .on('DELETE', '/api/learners/learner-ada', noContent());
    const { user } = renderApp('/admin/learners');

    await user.type(await screen.findByLabelText('Learner id to erase'), 'learner-ada');
    await user.click(screen.getByRole('button', { name: 'Erase learner…' }));
    const dialog = screen.getByRole('dialog', { name: 'Erase learner-ada?' });
    const confirm = within(dialog).getByRole('button', { name: 'Erase learner' });
    expect(confirm).toBeDisabled();

    await user.type(within(dialog).getByLabelText('Type learner-ada to confirm'), 'learner-ad');
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type learner-ada to confirm'), 'a');
    await user.click(confirm);

    expect(await screen.findByText('learner-ada is erased.')).toBeInTheDocument();
    expect(platform.callsTo('DELETE', '/api/learners/learner-ada')).toHaveLength(1);
  });

  it('registersALearner_andShowsWhyWhenRefused', async () => {
    const platform = new FakePlatform(admin())
      .on('GET', '/api/frameworks/role-profiles', [])
      .on('POST', '/api/learners', problem(400, 'displayName must not be blank', { errors: [{ field: 'displayName', message: 'must not be blank' }] }, 'req-reg'));
    const { user } = renderApp('/admin/learners');

    const section = await screen.findByRole('region', { name: 'Register a learner' });
    await user.type(within(section).getByLabelText('Learner id'), 'learner-lin');
    await user.click(within(section).getByRole('button', { name: 'Register learner' }));

    const displayName = within(section).getByLabelText('Display name');
    await vi.waitFor(() => expect(displayName).toHaveAccessibleDescription('must not be blank'));
    expect(within(section).getByRole('alert')).toHaveTextContent('req-reg');
    expect(platform.callsTo('POST', '/api/learners')[0]!.body).toEqual({ learnerId: 'learner-lin', displayName: '' });
  });

  it('assignsAPublishedRoleProfileWithItsVersion', async () => {
    const platform = new FakePlatform(admin())
      .on('GET', '/api/frameworks/role-profiles', [
        { roleProfileId: 'rp-1', title: 'Backend engineer', frameworkId: 'fw-1', draftVersion: 2, publishedVersion: 2, draft: null, published: null },
        { roleProfileId: 'rp-2', title: 'Unpublished', frameworkId: 'fw-1', draftVersion: 1, publishedVersion: 0, draft: null, published: null },
      ])
      .on('PUT', '/api/learners/learner-ada/role', noContent());
    const { user } = renderApp('/admin/learners');

    const section = await screen.findByRole('region', { name: 'Assign a role profile' });
    const select = within(section).getByLabelText('Role profile');
    await vi.waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    await user.type(within(section).getByLabelText('Learner id'), 'learner-ada');
    await user.selectOptions(select, 'rp-1');
    await user.click(within(section).getByRole('button', { name: 'Assign role profile' }));

    expect(await within(section).findByText('The role profile is assigned.')).toBeInTheDocument();
    expect(platform.callsTo('PUT', '/api/learners/learner-ada/role')[0]!.body).toEqual({ roleProfileId: 'rp-1', roleProfileVersion: 2 });
  });

  it('showsTheRebuildStatusOfEachService', async () => {
    const status = { processor: 'learners', running: true, caughtUp: true, replaying: false, readUpTo: 120, head: 120, percentDone: 100, lastRebuildStartedAt: null };
    new FakePlatform(admin())
      .on('GET', '/api/learners/admin/rebuild', status)
      .on('GET', '/api/assessments/admin/rebuild', { ...status, processor: 'assessments', caughtUp: false, replaying: true, readUpTo: 50, head: 200, percentDone: 25 })
      .on('GET', '/api/analytics/admin/rebuild', { state: 'DONE', startedAt: '2026-12-06T10:00:00Z', finishedAt: '2026-12-06T10:05:00Z',
        eventsRead: 20000, eventsTotal: 20000, percentDone: 100, topics: {} });
    renderApp('/admin');

    const table = await screen.findByRole('table', { name: 'Rebuild status per service' });
    expect(await within(table).findByText('Up to date (120 of 120 events).')).toBeInTheDocument();
    expect(await within(table).findByText('Replaying: 25 % done (50 of 200 events).')).toBeInTheDocument();
    expect(await within(table).findByText('Rebuilt (20000 of 20000 events), finished 6 Dec 2026, 10:05 UTC.')).toBeInTheDocument();
  });

  it('rebuildsAnalyticsAfterConfirmation_andPollsItsProgressUntilDone', async () => {
    const idle = { state: 'IDLE', startedAt: null, finishedAt: null, eventsRead: null, eventsTotal: null, percentDone: null, topics: null };
    const running = { ...idle, state: 'RUNNING', startedAt: '2026-12-06T10:00:00Z', eventsRead: 12345, eventsTotal: 20000, percentDone: 61.7,
      topics: { 'competency.mastery.v1': { read: 1, end: 2 } } };
    const answers = [idle, running, { ...running, state: 'DONE', finishedAt: '2026-12-06T10:05:00Z', eventsRead: 20000, percentDone: 100 }];
    let asked = 0;
    const platform = new FakePlatform(admin())
      .on('GET', '/api/learners/admin/rebuild', problem(503, 'down'))
      .on('GET', '/api/assessments/admin/rebuild', problem(503, 'down'))
      .on('GET', '/api/analytics/admin/rebuild', () => json(answers[Math.min(asked++, answers.length - 1)]))
      .on('POST', '/api/analytics/admin/rebuild', json(running, { status: 202 }));
    const { user } = renderApp('/admin');

    const table = await screen.findByRole('table', { name: 'Rebuild status per service' });
    expect(await within(table).findByText('No rebuild is running.')).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Rebuild Analytics' }));
    const dialog = screen.getByRole('dialog', { name: 'Rebuild the read models of Analytics?' });
    await user.click(within(dialog).getByRole('button', { name: 'Rebuild' }));

    expect(await within(table).findByText(/Rebuilding: 62 % done \(12345 of 20000 events\)/)).toBeInTheDocument();
    expect(within(table).getByRole('progressbar', { name: 'Analytics rebuild progress' })).toHaveAttribute('value', '62');
    expect(await within(table).findByText(/^Rebuilt \(20000 of 20000 events\)/, {}, { timeout: 6000 })).toBeInTheDocument();
    expect(platform.callsTo('POST', '/api/analytics/admin/rebuild')).toHaveLength(1);
  });

  it('saysARebuildIsAlreadyRunning_whenTheServiceAnswers409', async () => {
    new FakePlatform(admin())
      .on('GET', '/api/learners/admin/rebuild', problem(503, 'down'))
      .on('GET', '/api/assessments/admin/rebuild', problem(503, 'down'))
      .on('GET', '/api/analytics/admin/rebuild', { state: 'IDLE', startedAt: null, finishedAt: null, eventsRead: null, eventsTotal: null, percentDone: null, topics: null })
      .on('POST', '/api/analytics/admin/rebuild', problem(409, 'A rebuild is already running', {}, 'req-409'));
    const { user } = renderApp('/admin');

    await user.click(await screen.findByRole('button', { name: 'Rebuild Analytics' }));
    const dialog = screen.getByRole('dialog', { name: 'Rebuild the read models of Analytics?' });
    await user.click(within(dialog).getByRole('button', { name: 'Rebuild' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('A rebuild is already running');
  });

  it('explainsThatAdministrationNeedsTheAdministratorRole_whenAnAuthorOpensIt', async () => {
    const platform = new FakePlatform(signedIn({ roles: ['AUTHOR'] }));
    renderApp('/admin/xapi-clients');

    expect(await screen.findByRole('heading', { level: 1, name: 'Access denied' })).toBeInTheDocument();
    expect(screen.getByText(/needs the Administrator role/)).toBeInTheDocument();
    expect(platform.callsTo('GET', '/api/assessments/xapi-clients')).toHaveLength(0);
  });
});
