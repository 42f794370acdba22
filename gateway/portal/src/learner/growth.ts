import type { Level } from '../api/frameworks';
import type { LevelChange, LevelChangeCause } from '../api/learners';
import { levelLabel, levelRank } from './catalog';

export interface StepPoint {
  /** Milliseconds since the epoch. */
  x: number;
  /** The level's rank on its scale, 0 for no level. */
  y: number;
}

/**
 * The points of a step line: one per change, and one more at `now` holding the current level, so the line
 * runs up to today. The line keeps each level until the next change.
 */
export function stepPoints(changes: readonly LevelChange[], levels: readonly Level[], now: Date): StepPoint[] {
  const points = changes.map((change) => ({ x: new Date(change.at).getTime(), y: levelRank(levels, change.level) }))
    .filter((point) => !Number.isNaN(point.x));
  const last = points.at(-1);
  if (last && last.x < now.getTime()) {
    points.push({ x: now.getTime(), y: last.y });
  }
  return points;
}

/** The y axis's labels: 0 is "No level", then the scale's levels from lowest to highest. */
export function levelTicks(levels: readonly Level[]): string[] {
  return ['No level', ...levels.map((level) => level.label)];
}

export function changeLevelLabel(change: LevelChange, levels: readonly Level[]): string {
  return change.level === null ? 'No level' : levelLabel(levels, change.level);
}

const CAUSES: Record<LevelChangeCause, string> = {
  EVIDENCE: 'Evidence',
  TIME: 'Time (decay or expiry)',
};

export function causeLabel(cause: LevelChangeCause | string): string {
  return CAUSES[cause as LevelChangeCause] ?? cause;
}
