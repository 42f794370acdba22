import '../test/pages';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RoleProfileView } from '../api/framework-authoring';
import { FakePlatform, json, problem, signedIn } from '../test/server';
import { renderApp } from '../test/render';
import { FRAMEWORK_ID, summary, versionView } from './fixtures';

vi.setConfig({ testTimeout: 20_000 });

const PROFILE: RoleProfileView = {
  roleProfileId: 'rp-1',
  title: 'Backend engineer',
  frameworkId: FRAMEWORK_ID,
  draftVersion: 1,
  publishedVersion: 0,
  draft: {
    title: 'Backend engineer', description: null, frameworkId: FRAMEWORK_ID, frameworkVersion: 1,
    requirements: [{ competencyId: 'c-api', targetLevel: 'PROFICIENT', weight: 1 }],
  },
  published: null,
};

function platform() {
  return new FakePlatform(signedIn({ roles: ['AUTHOR'] }))
    .on('GET', '/api/frameworks', [summary()])
    .on('GET', `/api/frameworks/${FRAMEWORK_ID}/versions/1`, versionView(1));
}

describe('role profiles and learning resources', () => {
  it('definesARoleProfileWithARequirement', async () => {
    const fake = platform()
      .on('GET', '/api/frameworks/role-profiles', [])
      .on('POST', '/api/frameworks/role-profiles', json(PROFILE, { status: 201 }));
    const { user } = renderApp('/authoring/role-profiles');

    expect(await screen.findByText('There are no role profiles yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New role profile' }));
    await user.click(screen.getByLabelText('Title'));
    await user.paste('Backend engineer');
    const framework = screen.getByLabelText('Framework');
    await vi.waitFor(() => expect(within(framework).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(framework, FRAMEWORK_ID);
    await user.click(await screen.findByRole('button', { name: 'Add competency' }));
    await user.selectOptions(screen.getByLabelText('Competency 1'), 'c-api');
    await user.selectOptions(screen.getByLabelText('Target level 1'), 'PROFICIENT');
    await user.click(screen.getByRole('button', { name: 'Save role profile' }));

    await vi.waitFor(() => expect(fake.callsTo('POST', '/api/frameworks/role-profiles')).toHaveLength(1));
    expect(fake.callsTo('POST', '/api/frameworks/role-profiles')[0]!.body).toEqual(PROFILE.draft);
  });

  it('publishesAPendingDraft', async () => {
    const fake = platform()
      .on('GET', '/api/frameworks/role-profiles', [PROFILE])
      .on('POST', '/api/frameworks/role-profiles/rp-1/publication', { ...PROFILE, publishedVersion: 1, published: PROFILE.draft });
    const { user } = renderApp('/authoring/role-profiles');

    const table = await screen.findByRole('table', { name: 'Role profiles' });
    expect(within(table).getByText('Not published, draft 1 pending')).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Publish Backend engineer' }));

    expect(await screen.findByText('Version 1 of Backend engineer is published.')).toBeInTheDocument();
    expect(fake.callsTo('POST', '/api/frameworks/role-profiles/rp-1/publication')).toHaveLength(1);
  });

  it('showsWhyALearningResourceWasRefused', async () => {
    platform()
      .on('GET', '/api/frameworks/learning-resources', [])
      .on('POST', '/api/frameworks/learning-resources', problem(400, 'url must be an absolute http(s) address', {
        errors: [{ field: 'url', message: 'must be an absolute http(s) address' }],
      }, 'req-res'));
    const { user } = renderApp('/authoring/resources');

    await user.click(await screen.findByRole('button', { name: 'New learning resource' }));
    await user.click(screen.getByLabelText('Title'));
    await user.paste('REST in practice');
    await user.click(screen.getByLabelText('Address (URL)'));
    await user.paste('example');
    const framework = screen.getByLabelText('Framework');
    await vi.waitFor(() => expect(within(framework).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(framework, FRAMEWORK_ID);
    await user.click(screen.getByRole('button', { name: 'Save resource' }));

    const url = screen.getByLabelText('Address (URL)');
    await vi.waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    expect(url).toHaveAccessibleDescription('must be an absolute http(s) address');
    expect(screen.getByRole('alert')).toHaveTextContent('req-res');
  });
});
