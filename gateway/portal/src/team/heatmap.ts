import type { TeamMember } from '../api/learners';
import { levelClass, levelLabel, type Catalog } from '../learner/catalog';

export interface HeatmapColumn {
  key: string;
  competencyId: string;
  title: string;
}

export interface HeatmapCell {
  label: string;
  className: string;
  mastered: boolean;
}

export interface HeatmapRow {
  member: TeamMember;
  cells: HeatmapCell[];
  /** false when the member's mastery could not be read. */
  known: boolean;
  lastEvidenceAt: string | null;
}

/** One member's level on one competency, as either source of levels gives it. */
export interface LevelEntry {
  competencyId: string;
  frameworkId: string;
  frameworkVersion: number | null;
  level: string | null;
  mastered: boolean;
}

export interface MemberLevels {
  competencies: readonly LevelEntry[];
  lastEvidenceAt: string | null;
}

export interface Heatmap {
  columns: HeatmapColumn[];
  rows: HeatmapRow[];
}

export function buildHeatmap(members: readonly TeamMember[], levels: ReadonlyMap<string, MemberLevels>,
                             catalog: Catalog): Heatmap {
  const columns = new Map<string, HeatmapColumn>();
  levels.forEach((member) => member.competencies.forEach((m) => {
    if (!columns.has(m.competencyId)) {
      columns.set(m.competencyId, {
        key: m.competencyId,
        competencyId: m.competencyId,
        title: catalog.title(m.frameworkId, m.frameworkVersion, m.competencyId),
      });
    }
  }));
  const sorted = [...columns.values()].sort((a, b) => a.title.localeCompare(b.title));
  const rows = members.map((member) => {
    const known = levels.get(member.learnerId);
    const cells = sorted.map((column) => {
      const m = known?.competencies.find((entry) => entry.competencyId === column.competencyId);
      if (!m) {
        return { label: known ? 'No evidence' : 'Unknown', className: 'level level-none', mastered: false };
      }
      const scale = catalog.competency(m.frameworkId, m.frameworkVersion, m.competencyId)?.levels ?? [];
      return { label: levelLabel(scale, m.level), className: levelClass(scale, m.level), mastered: m.mastered };
    });
    return { member, cells, known: known !== undefined, lastEvidenceAt: known?.lastEvidenceAt ?? null };
  });
  return { columns: sorted, rows };
}
