// Chart.js with only the parts the learner and team pages draw; imported by lazy pages only, so the
// library stays out of the first load.
import {
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarElement, CategoryScale, LinearScale, LineElement, PointElement, Legend, Tooltip);

// People who ask their system for less motion get charts drawn at once, without the grow-in animation.
if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) {
  Chart.defaults.animation = false;
}

/** Series colours with at least 3:1 contrast against white, told apart by shape as well (dashes, points). */
export const SERIES = ['#0b57a4', '#c2410c', '#1e6b2f', '#7b2cbf', '#a4161a', '#005f73', '#6b4f00', '#3d3d3d'];

export const SCORE_COLOUR = '#0b57a4';
export const THRESHOLD_COLOUR = '#6b4f00';
