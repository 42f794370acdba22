import { createElement } from 'react';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

// The machine is shared: give lazy pages time to load before a query gives up.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  document.cookie.split(';').forEach((cookie) => {
    const name = cookie.split('=')[0]?.trim();
    if (name) {
      document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
    }
  });
});

// A session end is page-wide state; answers still in flight from the previous test must not leak into the next.
beforeEach(async () => {
  const { resetSessionEnded } = await import('../shell/useSession');
  resetSessionEnded();
});

// jsdom has no canvas: charts render as a labelled placeholder; the tables beside them carry the data.
vi.mock('react-chartjs-2', () => {
  const chart = (kind: string) => (props: { 'aria-label'?: string; data: { datasets: { label?: string }[] } }) =>
    createElement('div', { role: 'img', 'aria-label': props['aria-label'], 'data-chart': kind },
      props.data.datasets.map((dataset) => dataset.label).join(', '));
  return { Bar: chart('bar'), Line: chart('line') };
});
