import type { Mastery } from '../api/learners';
import { levelClass, levelLabel, progressToMastery, type Catalog } from './catalog';
import type { FrameworkRef } from './hooks';

export const NOT_YET_RATED = 'Not yet rated';

/** One competency as the learner's pages show it. */
export interface CompetencyRow {
  competencyId: string;
  frameworkId: string;
  frameworkVersion: number | null;
  title: string;
  framework: string;
  /** 0 for a root of the framework's tree. */
  depth: number;
  level: string | null;
  levelLabel: string;
  levelClass: string;
  score: number | null;
  threshold: number | null;
  progress: number | null;
  mastered: boolean;
  pending: boolean;
  rolledUp: boolean;
  /** false for a competency of the learner's frameworks without any result yet. */
  rated: boolean;
  evidenceCount: number;
  lastEvidenceAt: string | null;
  expiresAt: string | null;
  order: number;
}

/**
 * Every competency of the learner's frameworks: those with a result as the result says, the others (of the
 * newest version of each framework the learner's results or role refer to) as not yet rated.
 */
export function toRows(mastery: readonly Mastery[], catalog: Catalog, frameworks: readonly FrameworkRef[] = []): CompetencyRow[] {
  const rated: CompetencyRow[] = mastery.map((m) => {
    const info = catalog.competency(m.frameworkId, m.frameworkVersion, m.competencyId);
    const levels = info?.levels ?? [];
    const threshold = info?.masteryThreshold ?? null;
    return {
      competencyId: m.competencyId,
      frameworkId: m.frameworkId,
      frameworkVersion: m.frameworkVersion,
      title: info?.title ?? m.competencyId,
      framework: catalog.frameworkTitle(m.frameworkId),
      depth: info?.depth ?? 0,
      level: m.level,
      levelLabel: m.pending ? 'Pending' : levelLabel(levels, m.level),
      levelClass: levelClass(levels, m.level),
      score: m.score,
      threshold,
      progress: m.mastered ? 1 : progressToMastery(m.score, threshold),
      mastered: m.mastered,
      pending: m.pending,
      rolledUp: m.rollup !== null,
      rated: true,
      evidenceCount: m.evidenceCount,
      lastEvidenceAt: m.lastEvidenceAt,
      expiresAt: m.expiresAt,
      order: info?.order ?? Number.MAX_SAFE_INTEGER,
    };
  });
  const seen = new Set(mastery.map((m) => `${m.frameworkId}/${m.competencyId}`));
  const unrated: CompetencyRow[] = newestVersions(frameworks).flatMap((ref) =>
    catalog.competenciesOf(ref.frameworkId, ref.frameworkVersion)
      .filter((info) => !seen.has(`${ref.frameworkId}/${info.id}`))
      .map((info) => ({
        competencyId: info.id,
        frameworkId: ref.frameworkId,
        frameworkVersion: ref.frameworkVersion,
        title: info.title,
        framework: catalog.frameworkTitle(ref.frameworkId),
        depth: info.depth,
        level: null,
        levelLabel: NOT_YET_RATED,
        levelClass: levelClass(info.levels, null),
        score: null,
        threshold: info.masteryThreshold,
        progress: 0,
        mastered: false,
        pending: false,
        rolledUp: false,
        rated: false,
        evidenceCount: 0,
        lastEvidenceAt: null,
        expiresAt: null,
        order: info.order,
      })));
  return [...rated, ...unrated].sort((a, b) =>
    a.framework.localeCompare(b.framework) || a.order - b.order || a.title.localeCompare(b.title));
}

/** The newest known version of each framework. */
function newestVersions(refs: readonly FrameworkRef[]): { frameworkId: string; frameworkVersion: number }[] {
  const newest = new Map<string, number>();
  for (const ref of refs) {
    if (ref.frameworkVersion !== null && ref.frameworkVersion > (newest.get(ref.frameworkId) ?? 0)) {
      newest.set(ref.frameworkId, ref.frameworkVersion);
    }
  }
  return [...newest].map(([frameworkId, frameworkVersion]) => ({ frameworkId, frameworkVersion }));
}
