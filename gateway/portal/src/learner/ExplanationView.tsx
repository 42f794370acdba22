import type { Mastery } from '../api/learners';
import { formatDate, formatDateTime, formatPartialPercent, formatScore, formatWeight, humanize } from '../shell/format';
import { TableScroll } from '../shell/TableScroll';

const RULES: Record<string, string> = {
  NO_EVIDENCE: 'No evidence counts yet.',
  MINIMUM_EVIDENCE: 'Not enough evidence yet for a level.',
  N_MASTERY_PENDING: 'Waiting for enough scores at the mastery threshold.',
  COMPUTED: 'Computed from the evidence below.',
  MANUAL_RATING: 'An assessor set this level by a manual rating.',
  EXPIRED: 'The level expired and needs to be shown again.',
};

const EXCLUSIONS: Record<string, string> = {
  VOIDED: 'Voided',
  NOT_YET_KNOWN: 'Not yet known at that time',
  AFTER_AS_OF: 'Happened after the date asked about',
  ZERO_WEIGHT: 'This kind of evidence does not count under the policy',
  UNKNOWN_RATED_LEVEL: 'Rated a level the scale does not have',
};

const SOURCES: Record<string, string> = {
  ASSESSMENT: 'Assessment',
  OBSERVATION: 'Observation',
  PEER: 'Peer feedback',
  SELF: 'Self-assessment',
  XAPI: 'Learning activity (xAPI)',
  MANUAL_RATING: 'Manual rating',
  PRIOR_LEARNING: 'Prior learning',
};

export function sourceLabel(source: string | null | undefined): string {
  return source ? (SOURCES[source] ?? humanize(source)) : '—';
}

/** Why a level is what it is, for the person it concerns. */
export function ExplanationView({ mastery, levelLabel, competencyTitle }: {
  mastery: Mastery;
  levelLabel: string;
  competencyTitle: (competencyId: string) => string;
}) {
  const explanation = mastery.explanation;
  return (
    <>
      <dl className="facts">
        <dt>Level</dt>
        <dd>{levelLabel}{mastery.mastered ? ' (mastered)' : ''}</dd>
        <dt>Score</dt>
        <dd>{formatScore(mastery.score)}</dd>
        <dt>Method</dt>
        <dd>{humanize(mastery.method)}{mastery.policyVersion ? ` (policy version ${mastery.policyVersion})` : ''}</dd>
        <dt>Evidence</dt>
        <dd>{mastery.evidenceCount} item{mastery.evidenceCount === 1 ? '' : 's'}, {formatDate(mastery.firstEvidenceAt)} to {formatDate(mastery.lastEvidenceAt)}</dd>
        <dt>Expires</dt>
        <dd>{mastery.expiresAt ? formatDate(mastery.expiresAt) : 'Does not expire'}</dd>
      </dl>

      {explanation ? (
        <>
          <h2>The rule that decided</h2>
          <p>{RULES[explanation.rule] ?? humanize(explanation.rule)}</p>
          <p>{explanation.summary}</p>
          {explanation.rule === 'MANUAL_RATING' ? (
            <p className="notice">
              A manual rating overrides the computed level until newer evidence arrives, as the policy decides.
            </p>
          ) : null}
          {explanation.decayFactor < 1 ? (
            <p>
              Decay: the computed score {formatScore(explanation.computedScore)} counts at{' '}
              {formatPartialPercent(explanation.decayFactor)} because the evidence is getting old, giving{' '}
              {formatScore(mastery.score)}.
            </p>
          ) : null}

          <h2>Evidence that counts</h2>
          {explanation.contributions.length === 0 ? (
            <p className="muted">No evidence counts.</p>
          ) : (
            <TableScroll label="Evidence in this level">
              <table>
                <caption>Contributing evidence, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Source</th>
                    <th scope="col" className="num">Score</th>
                    <th scope="col" className="num">Source weight</th>
                    <th scope="col" className="num">Share of the result</th>
                  </tr>
                </thead>
                <tbody>
                  {explanation.contributions.map((item) => (
                    <tr key={item.evidenceId}>
                      <td>{formatDateTime(item.occurredAt)}</td>
                      <td>{sourceLabel(item.sourceType)}</td>
                      <td className="num">{formatScore(item.rawScore)}</td>
                      <td className="num">{formatWeight(item.sourceWeight)}</td>
                      <td className="num">{Math.round(item.effectiveWeight * 100)}%</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}

          <h2>Evidence left out</h2>
          {explanation.exclusions.length === 0 ? (
            <p className="muted">Nothing was left out.</p>
          ) : (
            <TableScroll label="Evidence in this level">
              <table>
                <caption>Excluded evidence and why</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Source</th>
                    <th scope="col" className="num">Score</th>
                    <th scope="col">Why it does not count</th>
                  </tr>
                </thead>
                <tbody>
                  {explanation.exclusions.map((item) => (
                    <tr key={item.evidenceId}>
                      <td>{formatDateTime(item.occurredAt)}</td>
                      <td>{sourceLabel(item.sourceType)}</td>
                      <td className="num">{formatScore(item.rawScore)}</td>
                      <td>{item.reason ? (EXCLUSIONS[item.reason] ?? humanize(item.reason)) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      ) : null}

      {mastery.rollup ? (
        <>
          <h2>Rolled up from its parts</h2>
          <p>{mastery.rollup.summary}</p>
          <p>
            Rule: {mastery.rollup.rule === 'POINTS'
              ? `points (${mastery.rollup.points} of ${mastery.rollup.pointsTarget ?? '?'} needed)`
              : 'every part must be proficient'}
          </p>
          <ul>
            {mastery.rollup.children.map((child) => (
              <li key={child.competencyId}>
                {competencyTitle(child.competencyId)}: {child.levelCode ?? 'no level'}
                {child.mastered ? ', mastered' : ''}
                {child.required ? ' (required)' : ''}, {child.points} point{child.points === 1 ? '' : 's'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
