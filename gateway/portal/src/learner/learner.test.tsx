import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isRoleProfileView } from '../api/frameworks';
import {
  isEvidenceEntry, isGapReport, isLevelChange, isMastery, isNextStep, isTeamMastery, isTeamView,
} from '../api/learners';
import {
  attemptJson, evidenceJson, FRAMEWORK_ID, frameworkVersion, gapsJson, historyJson, learnerQuizAssessment, masteryJson,
  opsFrameworkSummary, opsFrameworkVersion, profileJson, recommendationsJson, reviewMasteryJson, roleProfileJson, teamJson,
  teamMasteryJson,
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
    expect(historyJson.every(isLevelChange)).toBe(true);
    expect(isTeamMastery(teamMasteryJson)).toBe(true);
    expect(isRoleProfileView(roleProfileJson)).toBe(true);
    expect(isLevelChange({ ...historyJson[0], evidenceIds: 'e-1' })).toBe(false);
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

  it('listsTheUnratedCompetenciesOfTheResultsAndRoleFrameworks_asNotYetRated', async () => {
    const platform = learnerPlatform()
      .on('GET', '/api/learners/learner-1', profileJson)
      .on('GET', '/api/frameworks/role-profiles/rp-1', roleProfileJson)
      .on('GET', '/api/frameworks/fw-ops', opsFrameworkSummary)
      .on('GET', '/api/frameworks/fw-ops/versions/3', opsFrameworkVersion);
    renderApp('/me');

    const table = await screen.findByRole('table', { name: /levels and progress/ });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => within(row).getByRole('rowheader').textContent);
    expect(rows).toEqual([
      'Incident responseOperations',
      'Automated testingSoftware engineering',
      'Code reviewSoftware engineering',
      'Pairing on reviewsSoftware engineering',
    ]);
    const pairing = within(table).getByRole('row', { name: /Pairing on reviews/ });
    expect(pairing).toHaveTextContent('Not yet rated');
    expect(within(pairing).getByRole('progressbar')).toHaveAttribute('value', '0');
    expect(within(pairing).queryByRole('link')).not.toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /Incident response/ })).toHaveTextContent('Not yet rated');
    expect(screen.getByText(/1 of 4 competencies mastered, 2 not yet rated/)).toBeInTheDocument();
    expect(platform.callsTo('GET', '/api/frameworks/fw-ops/versions/3')).toHaveLength(1);
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
    const { user } = renderApp('/me/evidence#evidence-e-3');

    const table = await screen.findByRole('table', { name: /Evidence in the order/ });
    expect(within(table).getByRole('row', { name: /Peer feedback/ })).toHaveTextContent('Voided');
    await waitFor(() => expect(within(table).getByRole('row', { name: /Peer feedback/ })).toHaveFocus());
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

  it('drawsEachCompetencysLevelChanges_asAStepChartWithATableOfChanges', async () => {
    const platform = learnerPlatform()
      .on('GET', '/api/learners/learner-1/mastery/c-test/history', historyJson)
      .on('GET', '/api/learners/learner-1/mastery/c-review/history', problem(503, 'History is rebuilding'));
    const { user, router } = renderApp('/me/growth');

    expect(await screen.findByRole('img', { name: /level of Automated testing over time/ })).toHaveAttribute('data-chart', 'line');
    const changes = screen.getByRole('table', { name: /Changes of level of Automated testing/ });
    const rows = within(changes).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]!.textContent)).toEqual(['Practitioner', 'ProficientMastered', 'Practitioner']);
    expect(rows[2]).toHaveTextContent('Time (decay or expiry)');
    expect(within(rows[1]!).getByRole('link', { name: 'Evidence e-2' })).toHaveAttribute('href', '/me/evidence#evidence-e-2');
    expect(await screen.findByText('History is rebuilding')).toBeInTheDocument();
    expect(platform.calls.some((call) => call.url.includes('asOf='))).toBe(false);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Competency' }), 'Automated testing');
    expect(router.state.location.search).toBe('?competency=c-test');
    expect(screen.queryByRole('heading', { level: 2, name: 'Code review' })).not.toBeInTheDocument();
  });

  it('takesAQuiz_fromStartToResult', async () => {
    const platform = learnerPlatform()
      .on('GET', '/api/learners/learner-1/gaps', problem(404, 'No role profile'))
      .on('GET', '/api/assessments', json([learnerQuizAssessment], { headers: { 'X-Total-Count': '1' } }))
      .on('GET', '/api/assessments/learners/learner-1/attempts', [])
      .on('GET', '/api/assessments/peer-requests', [])
      .on('POST', '/api/assessments/a-quiz/attempts', json(attemptJson(), { status: 201 }))
      .on('GET', '/api/assessments/a-quiz', learnerQuizAssessment)
      .on('PUT', '/api/assessments/attempts/at-1/responses', attemptJson())
      .on('POST', '/api/assessments/attempts/at-1/submission', attemptJson({
        status: 'SCORED', submittedAt: '2026-03-02T09:10:00Z', overallScore: 1, passed: true,
        results: [{ competencyId: 'c-test', rawScore: 2, maxScore: 2, score: 1 }],
      }));
    const { user, router } = renderApp('/me/assessments');

    await user.click(await screen.findByRole('button', { name: /Start Testing basics/ }));
    expect(platform.callsTo('GET', '/api/assessments')[0]!.url).toBe('/api/assessments?status=PUBLISHED&offset=0&limit=12');
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

  it('findsAssessmentsByKindAndTitle_aPageAtATime', async () => {
    const platform = learnerPlatform()
      .on('GET', '/api/assessments', json([learnerQuizAssessment], { headers: { 'X-Total-Count': '30' } }))
      .on('GET', '/api/assessments/learners/learner-1/attempts', [attemptJson({ status: 'SCORED', overallScore: 0.5 })])
      .on('GET', '/api/assessments/a-quiz', learnerQuizAssessment)
      .on('GET', '/api/assessments/peer-requests', []);
    const { user, router } = renderApp('/me/assessments');

    expect(await screen.findByText('30 assessments published.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Testing basics' })).toHaveAttribute('href', '/me/attempts/at-1');
    await user.type(screen.getByRole('searchbox', { name: 'Title contains' }), 'testing');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Quiz');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(router.state.location.search).toBe('?kind=QUIZ&q=testing');
    await user.click(await screen.findByRole('button', { name: 'Next page' }));

    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument();
    expect(platform.callsTo('GET', '/api/assessments').at(-1)!.url)
      .toBe('/api/assessments?status=PUBLISHED&kind=QUIZ&q=testing&offset=12&limit=12');
    expect(screen.getByRole('searchbox', { name: 'Title contains' })).toHaveValue('testing');
  });
});
