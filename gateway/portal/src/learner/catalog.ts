// Names, scales and mastery thresholds of the competencies a learner's results refer to, read from the
// framework versions those results were folded under.
import type { Competency, Level, Scale, VersionView } from '../api/frameworks';

export interface CompetencyInfo {
  id: string;
  code: string;
  title: string;
  parentCode: string | null;
  levels: Level[];
  /** The score at which the scale's mastery level starts; null when the scale does not say. */
  masteryThreshold: number | null;
  /** 0 for a root of the framework's tree, 1 for its children, ... */
  depth: number;
  /** Position in the framework's tree, depth first. */
  order: number;
}

export interface Catalog {
  competency(frameworkId: string, version: number | null, competencyId: string): CompetencyInfo | undefined;
  /** The competency's title, or its id when the framework is not known (yet). */
  title(frameworkId: string, version: number | null, competencyId: string): string;
  frameworkTitle(frameworkId: string): string;
  /** Every competency of one framework version, in tree order; empty when that version is not known. */
  competenciesOf(frameworkId: string, version: number): CompetencyInfo[];
}

export const DEFAULT_LEVELS: Level[] = [];

export function versionKey(frameworkId: string, version: number | null | undefined): string {
  return `${frameworkId}@${version ?? 0}`;
}

function masteryThreshold(scale: Scale | null | undefined): number | null {
  return scale?.levels.find((level) => level.mastery)?.threshold ?? null;
}

export function buildCatalog(versions: readonly VersionView[]): Catalog {
  const byVersion = new Map<string, Map<string, CompetencyInfo>>();
  const frameworkTitles = new Map<string, string>();
  const latestOf = new Map<string, number>();
  for (const view of versions) {
    const scale = view.content.scale;
    const competencies = new Map<string, CompetencyInfo>();
    treeOrder(view.content.competencies).forEach(({ competency: c, depth }, order) => {
      const own = c.scaleOverride ?? scale;
      competencies.set(c.id, {
        id: c.id,
        code: c.code,
        title: c.title,
        parentCode: c.parentCode,
        levels: own?.levels ?? DEFAULT_LEVELS,
        masteryThreshold: masteryThreshold(own),
        depth,
        order,
      });
    });
    byVersion.set(versionKey(view.frameworkId, view.version), competencies);
    frameworkTitles.set(view.frameworkId, view.content.title);
    if ((latestOf.get(view.frameworkId) ?? -1) < view.version) {
      latestOf.set(view.frameworkId, view.version);
    }
  }
  const competency = (frameworkId: string, version: number | null, competencyId: string) =>
    byVersion.get(versionKey(frameworkId, version))?.get(competencyId)
    ?? byVersion.get(versionKey(frameworkId, latestOf.get(frameworkId)))?.get(competencyId);
  return {
    competency,
    title: (frameworkId, version, competencyId) => competency(frameworkId, version, competencyId)?.title ?? competencyId,
    frameworkTitle: (frameworkId) => frameworkTitles.get(frameworkId) ?? frameworkId,
    competenciesOf: (frameworkId, version) => [...(byVersion.get(versionKey(frameworkId, version))?.values() ?? [])],
  };
}

/** Depth first, siblings by position then code; a competency whose parent is missing counts as a root. */
function treeOrder(competencies: readonly Competency[]): { competency: Competency; depth: number }[] {
  const codes = new Set(competencies.map((c) => c.code));
  const children = new Map<string | null, Competency[]>();
  for (const c of competencies) {
    const parent = c.parentCode !== null && codes.has(c.parentCode) && c.parentCode !== c.code ? c.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const bySiblingOrder = (a: Competency, b: Competency) =>
    (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) || a.code.localeCompare(b.code);
  const ordered: { competency: Competency; depth: number }[] = [];
  const visited = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const c of [...(children.get(parent) ?? [])].sort(bySiblingOrder)) {
      if (!visited.has(c.code)) {
        visited.add(c.code);
        ordered.push({ competency: c, depth });
        visit(c.code, depth + 1);
      }
    }
  };
  visit(null, 0);
  // A cycle of parents leaves some unvisited: list them at the end rather than lose them.
  competencies.filter((c) => !visited.has(c.code)).forEach((c) => ordered.push({ competency: c, depth: 0 }));
  return ordered;
}

/** The level's position on its scale, from 1 (lowest); 0 for no level or a code the scale lacks. */
export function levelRank(levels: readonly Level[], code: string | null | undefined): number {
  if (!code) {
    return 0;
  }
  return levels.findIndex((level) => level.code === code) + 1;
}

export function levelLabel(levels: readonly Level[], code: string | null | undefined): string {
  if (!code) {
    return 'No level yet';
  }
  return levels.find((level) => level.code === code)?.label ?? code;
}

/**
 * The CSS class that colours a level: five steps from light to dark spread over the scale, whatever its
 * length. The colour never stands alone: the level's name is always written in the cell.
 */
export function levelClass(levels: readonly Level[], code: string | null | undefined): string {
  const rank = levelRank(levels, code);
  if (rank === 0) {
    return 'level level-none';
  }
  const count = Math.max(levels.length, 1);
  const step = count === 1 ? 5 : Math.round(1 + ((rank - 1) * 4) / (count - 1));
  return `level level-${step}`;
}

/** Share of the way to the mastery threshold, capped at 1; null without a score or threshold. */
export function progressToMastery(score: number | null, threshold: number | null): number | null {
  if (score === null || threshold === null) {
    return null;
  }
  if (threshold <= 0) {
    return 1;
  }
  return Math.min(1, Math.max(0, score / threshold));
}
