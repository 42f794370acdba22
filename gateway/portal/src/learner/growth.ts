import type { Mastery } from '../api/learners';
import { levelLabel, levelRank, type Catalog } from './catalog';

/** `count` weekly instants ending at `end` (oldest first), each at midnight UTC. */
export function weeklyInstants(end: Date, count: number): string[] {
  const last = Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate() + 1);
  return Array.from({ length: count }, (_, index) => new Date(last - (count - 1 - index) * 7 * 86_400_000).toISOString());
}

export interface GrowthSeries {
  competencyId: string;
  title: string;
  /** Level rank per instant (0: no level), null where that sample is missing. */
  ranks: (number | null)[];
  labels: string[];
}

/** One series per competency seen in any sample, with its level at each sample. */
export function growthSeries(samples: readonly (readonly Mastery[] | undefined)[], catalog: Catalog): GrowthSeries[] {
  const seen = new Map<string, Mastery>();
  for (const sample of samples) {
    for (const m of sample ?? []) {
      seen.set(m.competencyId, m);
    }
  }
  return [...seen.values()]
    .map((latest) => {
      const info = catalog.competency(latest.frameworkId, latest.frameworkVersion, latest.competencyId);
      const levels = info?.levels ?? [];
      const at = samples.map((sample) => sample?.find((m) => m.competencyId === latest.competencyId));
      return {
        competencyId: latest.competencyId,
        title: info?.title ?? latest.competencyId,
        ranks: samples.map((sample, index) => (sample === undefined ? null : levelRank(levels, at[index]?.level))),
        labels: samples.map((sample, index) => (sample === undefined ? '—' : levelLabel(levels, at[index]?.level))),
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
}
