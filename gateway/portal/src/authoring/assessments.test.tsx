import '../test/pages';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AssessmentView } from '../api/assessment-authoring';
import { FakePlatform, json, problem, signedIn, type Call } from '../test/server';
import { renderApp } from '../test/render';
import { FRAMEWORK_ID, summary, versionView } from './fixtures';

vi.setConfig({ testTimeout: 20_000 });

function assessment(overrides: Partial<AssessmentView> = {}): AssessmentView {
  return {
    assessmentId: 'as-1',
    kind: 'QUIZ',
    title: 'HTTP basics',
    frameworkId: FRAMEWORK_ID,
    frameworkVersion: 1,
    status: 'DRAFT',
    draftVersion: 1,
    publishedVersion: 0,
    competencyIds: [],
    draft: null,
    published: null,
    ...overrides,
  };
}

function platform() {
  return new FakePlatform(signedIn({ roles: ['AUTHOR'] }))
    .on('GET', '/api/frameworks', [summary()])
    .on('GET', `/api/frameworks/${FRAMEWORK_ID}/versions/1`, versionView(1));
}

describe('assessment authoring', () => {
  it('createsAQuiz_definesAQuestion_andPublishesAfterConfirmation', async () => {
    const fake = platform()
      .on('POST', '/api/assessments', json(assessment(), { status: 201 }))
      .on('GET', '/api/assessments/as-1', assessment())
      .on('PUT', '/api/assessments/as-1/definition', (call: Call) =>
        json(assessment({ draftVersion: 2, draft: call.body as AssessmentView['draft'] })),
      )
      .on('POST', '/api/assessments/as-1/publication', assessment({ status: 'PUBLISHED', publishedVersion: 2, draftVersion: 2 }));
    const { user, router } = renderApp('/authoring/assessments');

    await user.click(await screen.findByLabelText('Title'));
    await user.paste('HTTP basics');
    const frameworkSelect = screen.getByLabelText('Aligned to framework');
    await vi.waitFor(() => expect(within(frameworkSelect).getByRole('option', { name: 'Backend engineering (version 1)' })).toBeInTheDocument());
    await user.selectOptions(frameworkSelect, FRAMEWORK_ID);
    await user.click(screen.getByRole('button', { name: 'Create assessment' }));

    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/authoring/assessments/as-1'));
    expect(fake.callsTo('POST', '/api/assessments')[0]!.body).toEqual({
      kind: 'QUIZ', title: 'HTTP basics', frameworkId: FRAMEWORK_ID, frameworkVersion: 1,
    });

    await user.click(await screen.findByRole('checkbox', { name: 'DEV.API.1 Resource-oriented APIs' }));
    await user.click(screen.getByRole('button', { name: 'Add question' }));
    await user.click(screen.getByLabelText('Prompt of question 1'));
    await user.paste('Which method is safe?');
    await user.click(screen.getByLabelText('Options of question 1'));
    await user.paste('GET\nPOST');
    await user.click(screen.getByRole('radio', { name: 'GET' }));
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Draft version 2 is saved.')).toBeInTheDocument();
    const definition = fake.callsTo('PUT', '/api/assessments/as-1/definition')[0]!.body as Record<string, any>;
    expect(definition.alignments).toEqual([{ competencyId: 'c-api-1', weight: 1 }]);
    expect(definition.items).toEqual([
      {
        itemId: 'item-1', type: 'SINGLE_CHOICE', prompt: 'Which method is safe?', options: ['GET', 'POST'], correct: ['GET'],
        answer: null, tolerance: null, points: 1, partialCredit: false, competencyIds: ['c-api-1'],
      },
    ]);
    expect(definition.criteria).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Publish' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Publish' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.callsTo('POST', '/api/assessments/as-1/publication')).toHaveLength(1);
    expect(await screen.findByText(/version 2 published/)).toBeInTheDocument();
  });

  it('definesARubricCriterionWithLevels', async () => {
    const fake = platform()
      .on('GET', '/api/assessments/as-2', assessment({ assessmentId: 'as-2', kind: 'RUBRIC', title: 'Design review' }))
      .on('PUT', '/api/assessments/as-2/definition', assessment({ assessmentId: 'as-2', kind: 'RUBRIC', draftVersion: 2 }));
    const { user } = renderApp('/authoring/assessments/as-2');

    await user.click(await screen.findByRole('checkbox', { name: 'DEV.API API design' }));
    await user.click(screen.getByRole('button', { name: 'Add criterion' }));
    await user.click(screen.getByLabelText('Title of criterion 1'));
    await user.paste('Consistent status codes');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await screen.findByText('Draft version 2 is saved.');
    const definition = fake.callsTo('PUT', '/api/assessments/as-2/definition')[0]!.body as Record<string, any>;
    expect(definition.items).toEqual([]);
    expect(definition.criteria).toEqual([
      {
        criterionId: 'criterion-1', title: 'Consistent status codes', competencyId: 'c-api',
        levels: [
          { code: 'NOT_YET', label: 'Not yet', score: 0 },
          { code: 'MEETS', label: 'Meets', score: 2 },
          { code: 'EXCEEDS', label: 'Exceeds', score: 3 },
        ],
      },
    ]);
  });

  it('listsTheBrokenRules_whenTheDefinitionIsRefused', async () => {
    platform()
      .on('GET', '/api/assessments/as-1', assessment())
      .on('PUT', '/api/assessments/as-1/definition', problem(400, 'The assessment is invalid', {
        errors: ['alignments must name at least one competency', 'a quiz needs at least one item'],
      }, 'req-quiz'));
    const { user } = renderApp('/authoring/assessments/as-1');

    await user.click(await screen.findByRole('button', { name: 'Save draft' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The definition was not saved.');
    expect(within(alert).getByText('a quiz needs at least one item')).toBeInTheDocument();
    expect(alert).toHaveTextContent('req-quiz');
  });

  it('listsTheAssessmentsOfAChosenCompetency', async () => {
    platform().on('GET', '/api/assessments', [assessment({ status: 'PUBLISHED' })]);
    const { user } = renderApp(`/authoring/assessments?frameworkId=${FRAMEWORK_ID}`);

    const competency = await screen.findByLabelText('Competency');
    await vi.waitFor(() => expect(competency).toBeEnabled());
    await user.selectOptions(competency, 'c-api');

    const table = await screen.findByRole('table', { name: 'Assessments aligned to the competency' });
    expect(within(table).getByRole('link', { name: 'HTTP basics' })).toHaveAttribute('href', '/authoring/assessments/as-1');
    expect(within(table).getByText('Published')).toBeInTheDocument();
  });
});
