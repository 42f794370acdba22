import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { attemptJson, FRAMEWORK_ID, frameworkVersion, quizAssessment, rubricAssessment } from '../test/fixtures';
import { fill, renderApp } from '../test/render';
import { FakePlatform, problem, signedIn } from '../test/server';

const awaiting = attemptJson({ attemptId: 'at-9', assessmentId: 'a-rubric', kind: 'RUBRIC', status: 'AWAITING_GRADING', submittedAt: '2026-03-03T10:00:00Z' });

function assessorPlatform() {
  return new FakePlatform(signedIn({ subject: 'assessor-1', roles: ['ASSESSOR'] }))
    .on('GET', '/api/assessments/grading-queue', [awaiting])
    .on('GET', '/api/assessments/a-rubric', rubricAssessment)
    .on('GET', '/api/assessments/a-quiz', quizAssessment)
    .on('GET', '/api/assessments/attempts/at-9', awaiting);
}

describe('grading', () => {
  it('listsTheQueue_andGradesARubricAttempt', async () => {
    const platform = assessorPlatform().on('POST', '/api/assessments/attempts/at-9/grading', {
      ...awaiting, status: 'GRADED', overallScore: 0.67, results: [{ competencyId: 'c-review', rawScore: 2, maxScore: 3, score: 0.67 }],
    });
    const { user } = renderApp('/grading');

    await user.click(await screen.findByRole('link', { name: 'Grade Review a pull request' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Grade an attempt' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Save grades' }));
    expect(screen.getByText('Choose a level for Finds defects.')).toBeInTheDocument();
    expect(platform.callsTo('POST', '/api/assessments/attempts/at-9/grading')).toHaveLength(0);

    await user.click(within(screen.getByRole('group', { name: /Finds defects/ })).getByRole('radio', { name: /Good/ }));
    await fill(user, screen.getByRole('textbox', { name: 'Comment (optional)' }), 'Solid review');
    await user.click(screen.getByRole('button', { name: 'Save grades' }));

    expect(await screen.findByText('Grades saved.')).toBeInTheDocument();
    expect(platform.callsTo('POST', '/api/assessments/attempts/at-9/grading')[0]!.body).toEqual({
      levels: { 'cr-1': 'GOOD' }, comment: 'Solid review',
    });
  });

  it('withdrawsOnlyAfterConfirmation', async () => {
    const platform = assessorPlatform().on('POST', '/api/assessments/attempts/at-9/withdrawal', { ...awaiting, status: 'WITHDRAWN' });
    const { user } = renderApp('/grading/attempts/at-9');

    await fill(user, await screen.findByRole('textbox', { name: 'Reason for withdrawal' }), 'Submitted by mistake');
    await user.click(screen.getByRole('button', { name: 'Withdraw attempt' }));
    expect(platform.callsTo('POST', '/api/assessments/attempts/at-9/withdrawal')).toHaveLength(0);
    expect(screen.getByText(/This cannot be undone/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(platform.callsTo('POST', '/api/assessments/attempts/at-9/withdrawal')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Withdraw attempt' }));
    await user.click(screen.getByRole('button', { name: 'Yes, withdraw' }));

    // The success note, then the withdrawn attempt's own note, both say so.
    await waitFor(() => expect(screen.getByText(/its evidence no longer counts/)).toBeInTheDocument());
    expect(platform.callsTo('POST', '/api/assessments/attempts/at-9/withdrawal')[0]!.body).toEqual({ reason: 'Submitted by mistake' });
  });

  it('regradesAScoredQuiz_afterConfirmation', async () => {
    const scored = attemptJson({ attemptId: 'at-5', status: 'SCORED', overallScore: 0.5 });
    const platform = assessorPlatform()
      .on('GET', '/api/assessments/attempts/at-5', scored)
      .on('POST', '/api/assessments/attempts/at-5/regrade', { ...scored, overallScore: 1 });
    const { user } = renderApp('/grading/attempts/at-5');

    await fill(user, await screen.findByRole('textbox', { name: 'Reason' }), 'Answer key fixed');
    await user.click(screen.getByRole('button', { name: 'Regrade' }));
    await user.click(screen.getByRole('button', { name: 'Yes, regrade' }));

    expect(await screen.findByText('The attempt was regraded.')).toBeInTheDocument();
    expect(platform.callsTo('POST', '/api/assessments/attempts/at-5/regrade')[0]!.body).toEqual({
      latestVersion: true, reason: 'Answer key fixed',
    });
  });

  it('recordsAManualRatingWithReason_andShowsFieldErrorsFromTheService', async () => {
    const platform = assessorPlatform()
      .on('GET', '/api/frameworks/competencies', [{ frameworkId: FRAMEWORK_ID, version: 1, status: 'PUBLISHED', id: 'c-review', code: 'SE.2', title: 'Code review', description: null, parentCode: null, externalId: null }])
      .on('GET', `/api/frameworks/${FRAMEWORK_ID}/versions/1`, frameworkVersion)
      .on('POST', '/api/assessments/learners/learner-1/ratings', problem(400, 'The rating is not valid', {
        errors: [{ field: 'level', message: 'is not a level of the scale' }],
      }, 'req-rating'));
    const { user } = renderApp('/grading/ratings');

    await user.click(await screen.findByRole('button', { name: 'Record rating' }));
    expect(screen.getByText('Give a reason for the rating.')).toBeInTheDocument();

    await fill(user, screen.getByRole('textbox', { name: 'Learner id' }), 'learner-1');
    await user.type(screen.getByRole('searchbox', { name: 'Find a competency' }), 'review');
    await user.click(await screen.findByRole('radio', { name: /Code review/ }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Level' }), 'EXPERT');
    await fill(user, screen.getByRole('textbox', { name: 'Reason' }), 'Led three reviews of the payment service');
    await user.click(screen.getByRole('button', { name: 'Record rating' }));

    expect(await screen.findByText('is not a level of the scale', { selector: '.field-error' })).toBeInTheDocument();
    expect(screen.getByText('req-rating')).toBeInTheDocument();
    expect(platform.callsTo('POST', '/api/assessments/learners/learner-1/ratings')[0]!.body).toEqual({
      frameworkId: FRAMEWORK_ID, frameworkVersion: 1, competencyId: 'c-review', level: 'EXPERT',
      reason: 'Led three reviews of the payment service',
    });
  });
});
