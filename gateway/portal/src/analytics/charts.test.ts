import { describe, expect, it } from 'vitest';
import { legendPlacement, lineChartOptions, NARROW_WIDTH } from './charts';

const labels = (count: number, length: number) => Array.from({ length: count }, (_, i) => `${i}`.padEnd(length, 'x'));

describe('line chart layout', () => {
  it('listsTheLinesBelowTheChart_onANarrowScreen_evenForOneShortLabel', () => {
    expect(legendPlacement(390, ['eng: DEV.1'])).toBe('list');
    expect(legendPlacement(NARROW_WIDTH, ['eng: DEV.1'])).toBe('list');
  });

  it('keepsTheLegendInTheCanvas_onAWideScreen_whenItFitsInTwoRows', () => {
    expect(legendPlacement(1280, labels(8, 20))).toBe('chart');
    expect(legendPlacement(NARROW_WIDTH + 1, ['eng: DEV.1'])).toBe('chart');
  });

  it('listsTheLinesBelowTheChart_onAWideScreen_whenLongLabelsWouldTakeMoreThanTwoRows', () => {
    expect(legendPlacement(1280, labels(8, 60))).toBe('list');
    // The chart is never wider than 60rem, however wide the screen.
    expect(legendPlacement(4000, labels(8, 60))).toBe('list');
  });

  it('namesNoLines_whenThereAreNone', () => {
    expect(legendPlacement(390, [])).toBe('none');
    expect(legendPlacement(1280, [])).toBe('none');
  });

  it('hidesTheCanvasLegend_andThinsTheTicks_onANarrowScreen', () => {
    const narrow = lineChartOptions({ viewportWidth: 390, labels: ['eng: DEV.1'], valueTitle: 'Mastered (%)', percent: true });
    expect(narrow.plugins?.legend?.display).toBe(false);
    expect(narrow.scales?.x?.ticks).toMatchObject({ maxTicksLimit: 4 });
    expect(narrow.scales?.y).toMatchObject({ max: 100, title: { text: 'Mastered (%)' } });
    expect(narrow.maintainAspectRatio).toBe(false);

    const wide = lineChartOptions({ viewportWidth: 1280, labels: ['eng: DEV.1'], valueTitle: 'Mastered (%)', percent: false });
    expect(wide.plugins?.legend).toMatchObject({ display: true, position: 'bottom' });
    expect(wide.scales?.x?.ticks).not.toHaveProperty('maxTicksLimit');
    expect(wide.scales?.y).not.toHaveProperty('max');
  });
});
