import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Mastery } from '../api/learners';
import { formatPartialPercent } from '../shell/format';
import { masteryJson } from '../test/fixtures';
import { ExplanationView } from './ExplanationView';

function explain(decayFactor: number, score: number) {
  const mastery = { ...masteryJson, score, explanation: { ...masteryJson.explanation, decayFactor } } as Mastery;
  render(<ExplanationView mastery={mastery} levelLabel="Proficient" competencyTitle={(id) => id} />);
}

describe('ExplanationView', () => {
  it('saysNothingOfDecay_whenTheEvidenceCountsInFull', () => {
    explain(1.0, 0.8);

    expect(screen.queryByText(/Decay:/)).not.toBeInTheDocument();
  });

  it('namesTheShareThatStillCounts_whenDecayTakesOff', () => {
    explain(0.5, 0.4);

    expect(screen.getByText(/Decay:/)).toHaveTextContent('counts at 50% because the evidence is getting old, giving 0.40');
  });

  it('neverSaysTheEvidenceCountsAt100Percent_whenDecayTookOffLessThanHalfAPercent', () => {
    explain(0.9996, 0.7997);

    expect(screen.getByText(/Decay:/)).toHaveTextContent('counts at 99.9% because');
  });
});

describe('formatPartialPercent', () => {
  it('keepsAShareBelowOneBelow100Percent_andAShareAboveZeroAboveZero', () => {
    expect(formatPartialPercent(0.756)).toBe('76%');
    expect(formatPartialPercent(0.9996)).toBe('99.9%');
    expect(formatPartialPercent(0.99999)).toBe('99.9%');
    expect(formatPartialPercent(0.004)).toBe('0.4%');
    expect(formatPartialPercent(0.00001)).toBe('0.1%');
    expect(formatPartialPercent(1)).toBe('100%');
    expect(formatPartialPercent(0)).toBe('0%');
  });
});
