// How numbers and instants read on every page (one place, so all pages say it the same way).

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

export function formatDateTime(value: string | null | undefined): string {
  if (!value) {
    return '—';
  }
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : `${dateTime.format(parsed)} UTC`;
}

export function formatDate(value: string | null | undefined): string {
  if (!value) {
    return '—';
  }
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : date.format(parsed);
}

/** 0.756 -> "76%". */
export function formatPercent(share: number | null | undefined): string {
  return share === null || share === undefined || Number.isNaN(share) ? '—' : `${Math.round(share * 100)}%`;
}

/**
 * A share strictly between 0 and 1 that must not read as a whole: 0.9996 -> "99.9%", not "100%"; 0.004 -> "0.4%".
 * Whole percentages where rounding changes nothing (0.756 -> "76%").
 */
export function formatPartialPercent(share: number): string {
  const whole = Math.round(share * 100);
  if (share > 0 && share < 1 && (whole === 100 || whole === 0)) {
    const tenths = whole === 100 ? Math.floor(share * 1000) : Math.ceil(share * 1000);
    return `${Math.min(999, Math.max(1, tenths)) / 10}%`;
  }
  return `${whole}%`;
}

/** A score in [0, 1] as "0.76". */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : score.toFixed(2);
}

export function formatWeight(weight: number): string {
  return Number.isInteger(weight) ? String(weight) : weight.toFixed(2);
}

/** ENUM_NAME -> "Enum name". */
export function humanize(code: string | null | undefined): string {
  if (!code) {
    return '—';
  }
  const words = code.replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
