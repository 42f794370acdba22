import type { Mastery } from '../api/learners';
import { levelClass, levelLabel, progressToMastery, type Catalog } from './catalog';

/** One competency as the learner's pages show it. */
export interface CompetencyRow {
  competencyId: string;
  frameworkId: string;
  frameworkVersion: number | null;
  title: string;
  framework: string;
  level: string | null;
  levelLabel: string;
  levelClass: string;
  score: number | null;
  threshold: number | null;
  progress: number | null;
  mastered: boolean;
  pending: boolean;
  rolledUp: boolean;
  evidenceCount: number;
  lastEvidenceAt: string | null;
  expiresAt: string | null;
}

export function toRows(mastery: readonly Mastery[], catalog: Catalog): CompetencyRow[] {
  return mastery
    .map((m) => {
      const info = catalog.competency(m.frameworkId, m.frameworkVersion, m.competencyId);
      const levels = info?.levels ?? [];
      const threshold = info?.masteryThreshold ?? null;
      return {
        competencyId: m.competencyId,
        frameworkId: m.frameworkId,
        frameworkVersion: m.frameworkVersion,
        title: info?.title ?? m.competencyId,
        framework: catalog.frameworkTitle(m.frameworkId),
        level: m.level,
        levelLabel: m.pending ? 'Pending' : levelLabel(levels, m.level),
        levelClass: levelClass(levels, m.level),
        score: m.score,
        threshold,
        progress: m.mastered ? 1 : progressToMastery(m.score, threshold),
        mastered: m.mastered,
        pending: m.pending,
        rolledUp: m.rollup !== null,
        evidenceCount: m.evidenceCount,
        lastEvidenceAt: m.lastEvidenceAt,
        expiresAt: m.expiresAt,
      };
    })
    .sort((a, b) => a.framework.localeCompare(b.framework) || a.title.localeCompare(b.title));
}
