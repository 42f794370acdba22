import { createElement } from 'react';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

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

afterEach(async () => {
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
