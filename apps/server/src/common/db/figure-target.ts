/**
 * What figures are counted over (issue #22, docs/figures.md): a node of the jurisdiction tree and
 * everything under it (its materialised path), or an officer's own records; and a period as two
 * instants, `from` included and `to` excluded (China-time midnights).
 */
export type FigureTarget = { kind: 'subtree'; pathPrefix: string } | { kind: 'officer'; officerId: number };

export interface TimeRange {
  from: Date;
  to: Date;
}

/** The target as a WHERE condition on a table's org path and officer columns (e.g. `c.org_path`, `c.officer_id`). */
export function targetCondition(target: FigureTarget, pathColumn: string, officerColumn: string): { sql: string; values: unknown[] } {
  return target.kind === 'subtree'
    ? { sql: `${pathColumn} LIKE ?`, values: [`${target.pathPrefix}%`] }
    : { sql: `${officerColumn} = ?`, values: [target.officerId] };
}

/** `?, ?, ?` for a list of values (never empty: callers skip empty lists). */
export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');
