import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isEvidenceEntry, isGapReport, isMastery, isNextStep, isTeamView } from '../api/learners';
import {
  attemptJson, evidenceJson, FRAMEWORK_ID, frameworkVersion, gapsJson, masteryJson, quizAssessment, recommendationsJson,
  reviewMasteryJson, teamJson,
} from '../test/fixtures';
import { renderApp } from '../test/render';
import { FakePlatform, json, problem, signedIn } from '../test/server';

function learnerPlatform() {
  return new FakePlatform(signedIn({ subject: 'learner-1', roles: ['LEARNER'] }))
    .on('GET', `/api/frameworks/${FRAMEWORK_ID}/versions/1`, frameworkVersion)
    .on('GET', '/api/learners/learner-1/mastery', [masteryJson, reviewMasteryJson])
    .on('GET', '/api/learners/learner-1/mastery/c-test', masteryJson);
}

describe('learner pages', () => {
  it('acceptsTheServicesShapes_throughTheGuards', () => {
    expect(isMastery(masteryJson)).toBe(true);
    expect(evidenceJson.every(isEvidenceEntry)).toBe(true);
    expect(isGapReport(gapsJson)).toBe(true);
    expect(recommendationsJson.every(isNextStep)).toBe(true);
    expect(isTeamView(teamJson)).toBe(true);
    expect(isMastery({ ...masteryJson, explanation: { ...masteryJson.explanation, contributions: 'none' } })).toBe(false);
  });

  it('listsEveryCompetencyWithItsLevelAsText_andChartsScoreAgainstThreshold', async () => {
    learnerPlatform();
    renderApp('/me');

    const table = await screen.findByRole('table', { name: /levels and progress/ });
    const testing = within(table).getByRole('row', { name: /Automated testing/ });
    expect(within(testing).getByText('Proficient')).toHaveClass('level');
    expect(within(testing).getByText('Mastered')).toBeInTheDocument();
    expect(within(testing).getByText('0.70')).toBeInTheDocument();
    const review = within(table).getByRole('row', { name: /Code review/ });
    expect(within(review).getByText('Practitioner')).toBeInTheDocument();
    expect(within(review).getByText('79%')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /score against its mastery threshold/ })).toHaveTextContent('Score, Mastery threshold');
  });

  it('saysOnlyOwnProfile_whenALearnerOpensAnotherLearnersPage', async () => {
    new FakePlatform(signedIn({ subject: 'learner-1', roles: ['LEARNER'] })).on(
      'GET',
      '/api/learners/learner-2/mastery',
      problem(403, 'You may read only your own data or that of the teams you manage', {}, 'req-403'),
    ).on('GET', '/api/learners/learner-2', problem(403, 'You may read only your own data'));
    renderApp('/learners/learner-2');

    expect(await screen.findByText('You can only see your own profile.')).toBeInTheDocument();
    expect(screen.getByText(/You may read only your own data or that of the teams you manage/)).toBeInTheDocument();
    expect(screen.getByText('req-403')).toBeInTheDocument();
  });

  it('rendersContributingAndExcludedEvidence_whenExplainingALevel', async () => {
    learnerPlatform();
    renderApp('/me/competencies/c-test');

    expect(await screen.findByRole('heading', { level: 1, name: 'Why this level' })).toBeInTheDocument();
    const counted = await screen.findByRole('table', { name: /Contributing evidence/ });
    expect(within(counted).getAllByRole('row')).toHaveLength(3);
    expect(within(counted).getByRole('row', { name: /Observation/ })).toHaveTextContent('100%');
    expect(within(counted).getByRole('row', { name: /Observation/ })).toHaveTextContent('1.50');
    const excluded = screen.getByRole('table', { name: /Excluded evidence/ });
    expect(within(excluded).getByRole('row', { name: /Peer feedback/ })).toHaveTextContent('Voided');
    expect(screen.getByText('The highest score, 0.8, maps to Proficient.')).toBeInTheDocument();
    expect(screen.getByText(/Proficient \(mastered\)/)).toBeInTheDocument();
  });

  it('marksVoidedEvidence_andPagesWithTheTotalCount', async () => {
    const platform = learnerPlatform().on(
      'GET',
      '/api/learners/learner-1/evidence',
      json(evidenceJson, { headers: { 'X-Total-Count': '60' } }),
    );
    const { user } = renderApp('/me/evidence');

    const table = await screen.findByRole('table', { name: /Evidence in the order/ });
    expect(within(table).getByRole('row', { name: /Peer feedback/ })).toHaveTextContent('Voided');
    expect(within(table).getByRole('row', { name: /Peer feedback/ })).toHaveTextContent('Entered for the wrong learner');
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next page' }));

    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument();
    expect(platform.callsTo('GET', '/api/learners/learner-1/evidence').at(-1)!.url).toContain('offset=25');
  });

  it('showsReadinessGapsAndNextStepsWithResources', async () => {
    learnerPlatform()
      .on('GET', '/api/learners/learner-1/gaps', gapsJson)
      .on('GET', '/api/learners/learner-1/recommendations', recommendationsJson);
    renderApp('/me/gaps');

    expect(await screen.findByText('50%')).toBeInTheDocument();
    expect(screen.getByText('Software engineer')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Code review/ })).toHaveTextContent('Open');
    expect(screen.getByRole('link', { name: /Reviewing pull requests/ })).toHaveAttribute('href', 'https://learn.example/review');
    expect(screen.getByText('First: Automated testing.')).toBeInTheDocument();
  });

  it('drawsGrowthFromWeeklyAsOfSamples', async () => {
    const platform = learnerPlatform();
    renderApp('/me/growth');

    expect(await screen.findByRole('img', { name: /level per week/ })).toHaveTextContent('Automated testing, Code review');
    expect(platform.callsTo('GET', '/api/learners/learner-1/mastery').filter((c) => c.url.includes('asOf='))).toHaveLength(12);
  });

  it('takesAQuiz_fromStartToResult', async () => {
    const platform = learnerPlatform()
      .on('GET', '/api/learners/learner-1/gaps', problem(404, 'No role profile'))
      .on('GET', '/api/assessments', [quizAssessment])
      .on('GET', '/api/assessments/learners/learner-1/attempts', [])
      .on('GET', '/api/assessments/peer-requests', [])
      .on('POST', '/api/assessments/a-quiz/attempts', json(attemptJson(), { status: 201 }))
      .on('GET', '/api/assessments/a-quiz', quizAssessment)
      .on('PUT', '/api/assessments/attempts/at-1/responses', attemptJson())
      .on('POST', '/api/assessments/attempts/at-1/submission', attemptJson({
        status: 'SCORED', submittedAt: '2026-03-02T09:10:00Z', overallScore: 1, passed: true,
        results: [{ competencyId: 'c-test', rawScore: 2, maxScore: 2, score: 1 }],
      }));
    const { user, router } = renderApp('/me/assessments');

    await user.click(await screen.findByRole('button', { name: /Start Testing basics/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Quiz' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/me/attempts/at-1');
    await user.click(await screen.findByRole('radio', { name: '201' }));
    await user.type(screen.getByRole('spinbutton', { name: /How many levels/ }), '4');
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));

    expect(await screen.findByRole('heading', { name: 'Result' })).toBeInTheDocument();
    expect(screen.getByText('Passed')).toBeInTheDocument();
    expect(platform.callsTo('PUT', '/api/assessments/attempts/at-1/responses')[0]!.body).toEqual({
      responses: { q1: { choices: ['201'] }, q2: { number: 4 } },
    });
    expect(platform.callsTo('POST', '/api/assessments/attempts/at-1/submission')).toHaveLength(1);
  });
});
