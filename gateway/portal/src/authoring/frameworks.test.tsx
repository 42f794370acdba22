import '../test/pages';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakePlatform, json, problem, signedIn } from '../test/server';
import { renderApp } from '../test/render';
import { FRAMEWORK_ID, summary, tree, versionView } from './fixtures';

const author = () => signedIn({ roles: ['AUTHOR'], username: 'author-ana', name: 'Ana Author' });

function platformWithFramework(session = author()) {
  return new FakePlatform(session)
    .on('GET', '/api/frameworks', [summary()])
    .on('GET', `/api/frameworks/${FRAMEWORK_ID}`, summary())
    .on('GET', `/api/frameworks/${FRAMEWORK_ID}/versions/2`, versionView(2))
    .on('GET', `/api/frameworks/${FRAMEWORK_ID}/versions/1`, versionView(1))
    .on('GET', `/api/frameworks/${FRAMEWORK_ID}/versions/2/tree`, tree);
}

describe('frameworks authoring', () => {
  it('listsFrameworks_andOpensTheNewOne_whenCreated', async () => {
    const platform = platformWithFramework().on('POST', '/api/frameworks', json(summary(), { status: 201 }));
    const { user, router } = renderApp('/authoring/frameworks');

    const table = await screen.findByRole('table', { name: 'Frameworks' });
    expect(within(table).getByRole('link', { name: 'Backend engineering' })).toHaveAttribute(
      'href',
      `/authoring/frameworks/${FRAMEWORK_ID}`,
    );

    await user.type(screen.getByLabelText('Code'), 'DEV');
    await user.type(screen.getByLabelText('Title'), 'Backend engineering');
    await user.click(screen.getByRole('button', { name: 'Create framework' }));

    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/authoring/frameworks/${FRAMEWORK_ID}`));
    expect(platform.callsTo('POST', '/api/frameworks')[0]!.body).toEqual({ code: 'DEV', title: 'Backend engineering' });
  });

  it('showsTheFieldErrorNextToTheField_whenCreationIsRefused', async () => {
    platformWithFramework().on(
      'POST',
      '/api/frameworks',
      problem(400, '1 field(s) are invalid', { errors: [{ field: 'code', message: 'code is already taken' }] }, 'req-7'),
    );
    const { user } = renderApp('/authoring/frameworks');

    await user.type(await screen.findByLabelText('Code'), 'DEV');
    await user.click(screen.getByRole('button', { name: 'Create framework' }));

    const code = screen.getByLabelText('Code');
    await vi.waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    expect(code).toHaveAccessibleDescription(expect.stringContaining('code is already taken'));
    expect(screen.getByRole('alert')).toHaveTextContent('req-7');
  });

  it('showsTheEmptyState_whenThereAreNoFrameworks', async () => {
    new FakePlatform(author()).on('GET', '/api/frameworks', []);
    renderApp('/authoring/frameworks');

    expect(await screen.findByText(/There are no frameworks yet/)).toBeInTheDocument();
  });

  it('showsTreeScaleAndPolicy_andLinksEachCompetency', async () => {
    platformWithFramework();
    renderApp(`/authoring/frameworks/${FRAMEWORK_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Backend engineering' })).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: 'DEV.API.1 Resource-oriented APIs' });
    expect(link).toHaveAttribute('href', `/authoring/frameworks/${FRAMEWORK_ID}/versions/2/competencies/c-api-1`);
    expect(await screen.findByRole('table', { name: 'Proficiency levels of version 2' })).toHaveTextContent('Proficient');
    expect(screen.getByText('All children')).toBeInTheDocument();
  });

  it('showsTheCompetencysOwnPolicy_onItsDetailPage', async () => {
    platformWithFramework();
    renderApp(`/authoring/frameworks/${FRAMEWORK_ID}/versions/2/competencies/c-api-1`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Resource-oriented APIs' })).toBeInTheDocument();
    expect(screen.getByText('This competency has its own policy.')).toBeInTheDocument();
    expect(screen.getByText('N mastery (n = 2)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'DEV.API API design' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Assessments of this competency' })).toHaveAttribute(
      'href',
      `/authoring/assessments?frameworkId=${FRAMEWORK_ID}&competencyId=c-api-1`,
    );
  });

  it('publishesOnlyAfterConfirmation', async () => {
    const platform = platformWithFramework().on(
      'POST',
      `/api/frameworks/${FRAMEWORK_ID}/publication`,
      versionView(2, { status: 'PUBLISHED' }),
    );
    const { user } = renderApp(`/authoring/frameworks/${FRAMEWORK_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Publish draft' }));
    const dialog = screen.getByRole('dialog', { name: 'Publish version 2?' });
    expect(platform.callsTo('POST', `/api/frameworks/${FRAMEWORK_ID}/publication`)).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));

    expect(await screen.findByText(/Version 2 is published/)).toBeInTheDocument();
    expect(platform.callsTo('POST', `/api/frameworks/${FRAMEWORK_ID}/publication`)).toHaveLength(1);
  });

  it('retiresWithTheReason_andCancelSendsNothing', async () => {
    const platform = platformWithFramework().on(
      'POST',
      `/api/frameworks/${FRAMEWORK_ID}/retirement`,
      summary({ status: 'RETIRED' }),
    );
    const { user } = renderApp(`/authoring/frameworks/${FRAMEWORK_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Retire' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Retire' }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Reason (optional)'), 'Superseded');
    await user.click(within(dialog).getByRole('button', { name: 'Retire framework' }));

    expect(await screen.findByText('The framework is retired.')).toBeInTheDocument();
    const calls = platform.callsTo('POST', `/api/frameworks/${FRAMEWORK_ID}/retirement`);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toEqual({ reason: 'Superseded' });
  });

  it('savesTheEditedDraft_withNewCompetencyScaleAndPolicy', async () => {
    const platform = platformWithFramework().on('PUT', `/api/frameworks/${FRAMEWORK_ID}/draft`, versionView(2));
    const { user, router } = renderApp(`/authoring/frameworks/${FRAMEWORK_ID}/draft`);

    const title = await screen.findByLabelText('Title');
    await user.clear(title);
    await user.paste('Backend and APIs');
    await user.click(screen.getByRole('button', { name: 'Add competency' }));
    await user.click(screen.getByLabelText('Code of competency 3'));
    await user.paste('DEV.API.2');
    await user.click(screen.getByLabelText('Title of competency 3'));
    await user.paste('Evolves APIs');
    await user.selectOptions(screen.getByLabelText('Parent of competency 3'), 'DEV.API');
    await user.click(screen.getByRole('button', { name: 'Remove relation 1' }));
    await user.click(screen.getByLabelText('Level 1 is the mastery level'));
    await user.selectOptions(screen.getByLabelText('Method'), 'N_MASTERY');
    await user.type(screen.getByLabelText('Mastery-level scores needed (n)'), '3');
    await user.type(screen.getByLabelText('Peer'), '0.5');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await vi.waitFor(() => expect(router.state.location.search).toBe('?version=2'));
    const body = platform.callsTo('PUT', `/api/frameworks/${FRAMEWORK_ID}/draft`)[0]!.body as Record<string, any>;
    expect(body.title).toBe('Backend and APIs');
    expect(body.competencies[2]).toMatchObject({ id: null, code: 'DEV.API.2', title: 'Evolves APIs', parentCode: 'DEV.API', position: null });
    expect(body.competencies[1].policyOverride.method.n).toBe(2);
    expect(body.scale.levels.map((l: { mastery: boolean }) => l.mastery)).toEqual([true, false]);
    expect(body.policy.method).toMatchObject({ type: 'N_MASTERY', n: 3 });
    expect(body.policy.sourceWeights).toEqual({ PEER: 0.5 });
    expect(body.relations).toEqual([]);
  }, 20_000);

  it('listsEveryBrokenRule_whenTheDraftIsRefused', async () => {
    platformWithFramework().on(
      'PUT',
      `/api/frameworks/${FRAMEWORK_ID}/draft`,
      problem(400, '2 rules are broken', {
        errors: ['competency code DEV.API appears twice', 'the scale must have exactly one mastery level'],
      }),
    );
    const { user } = renderApp(`/authoring/frameworks/${FRAMEWORK_ID}/draft`);

    await user.click(await screen.findByRole('button', { name: 'Save draft' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The draft was not saved.');
    expect(within(alert).getByText('competency code DEV.API appears twice')).toBeInTheDocument();
    expect(within(alert).getByText('the scale must have exactly one mastery level')).toBeInTheDocument();
  });

  it('showsWhatChangedBetweenTwoVersions', async () => {
    platformWithFramework().on('GET', `/api/frameworks/${FRAMEWORK_ID}/diff`, {
      from: 1,
      to: 2,
      added: [{ id: 'c-api-1', code: 'DEV.API.1', title: 'Resource-oriented APIs' }],
      removed: [],
      changed: [{ id: 'c-api', code: 'DEV.API', fields: ['title', 'description'] }],
      relationsAdded: [],
      relationsRemoved: [],
      scaleChanged: true,
      policyChanged: false,
      frameworkFieldsChanged: [],
    });
    const { user } = renderApp(`/authoring/frameworks/${FRAMEWORK_ID}`);

    await user.click(await screen.findByRole('link', { name: 'Compare versions' }));

    expect(await screen.findByText('DEV.API.1 Resource-oriented APIs')).toBeInTheDocument();
    expect(screen.getByText('DEV.API: title, description')).toBeInTheDocument();
    expect(screen.getByText('The scale changed')).toBeInTheDocument();
    expect(screen.getByText('The mastery policy is the same')).toBeInTheDocument();
  });

  it('previewsWhoWouldChangeLevel_forAnAdministrator', async () => {
    const platform = platformWithFramework(signedIn({ roles: ['AUTHOR', 'ADMIN'] })).on(
      'POST',
      '/api/learners/admin/policy-preview',
      {
        frameworkId: FRAMEWORK_ID,
        version: 2,
        learnersExamined: 3,
        changes: [
          {
            learnerId: 'learner-ada', competencyId: 'c-api-1', currentLevel: 'PROFICIENT', newLevel: 'NOVICE',
            currentlyMastered: true, newlyMastered: false, currentMethod: 'HIGHEST', newMethod: 'N_MASTERY',
            currentPolicyVersion: 1, newPolicyVersion: 2, why: 'needs 2 mastery-level scores, has 1',
          },
        ],
      },
    );
    const { user } = renderApp(`/authoring/frameworks/${FRAMEWORK_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Preview the effect of version 2' }));

    const table = await screen.findByRole('table', { name: 'Who would change level' });
    expect(within(table).getByText('DEV.API.1 Resource-oriented APIs')).toBeInTheDocument();
    expect(within(table).getByText('PROFICIENT (mastered)')).toBeInTheDocument();
    expect(within(table).getByText('NOVICE (not mastered)')).toBeInTheDocument();
    const candidate = platform.callsTo('POST', '/api/learners/admin/policy-preview')[0]!.body as Record<string, any>;
    expect(candidate).toMatchObject({ frameworkId: FRAMEWORK_ID, version: 2, code: 'DEV' });
    expect(candidate.competencies[1]).toMatchObject({ id: 'c-api-1', parentId: 'c-api' });
  });

  it('previewsWhatWouldChange_withoutNames_forAnAuthor', async () => {
    platformWithFramework().on('POST', '/api/learners/admin/policy-preview', {
      frameworkId: FRAMEWORK_ID,
      version: 2,
      learnersExamined: 3,
      changes: [
        {
          learnerId: null, competencyId: 'c-api-1', currentLevel: 'PROFICIENT', newLevel: 'NOVICE',
          currentlyMastered: true, newlyMastered: false, currentMethod: 'HIGHEST', newMethod: 'N_MASTERY',
          currentPolicyVersion: 1, newPolicyVersion: 2, why: 'needs 2 mastery-level scores, has 1',
        },
      ],
    });
    const { user } = renderApp(`/authoring/frameworks/${FRAMEWORK_ID}`);

    await user.click(await screen.findByRole('button', { name: 'Preview the effect of version 2' }));

    const table = await screen.findByRole('table', { name: 'Who would change level' });
    expect(within(table).getByText('A learner')).toBeInTheDocument();
    expect(within(table).getByText('NOVICE (not mastered)')).toBeInTheDocument();
  });
});
