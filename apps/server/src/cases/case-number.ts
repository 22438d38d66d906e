import { chinaDate, chinaMidnight } from '../common/china-time';

/**
 * The human-readable case number (案件编号): the date of submission in China (UTC+8) and the id, e.g.
 * 20261124-000123. It is derived, not stored (migration DerivedCaseNumber1765100000000): both
 * parts are fixed once the case row exists, so a report is written in one INSERT with no second
 * statement to put its own id into it, and a number is found again by its primary key.
 */
export function caseNumber(createdAt: Date, id: number): string {
  // China's day: a report at 02:00 there is that day's, not the UTC day before.
  const d = chinaDate(createdAt).replace(/-/g, '');
  return `${d}-${String(id).padStart(6, '0')}`;
}

/**
 * What a case number names: the id, and the UTC+8 day [from, to) its case must have been created
 * in; null when the text is no case number. A lookup by number matches both.
 */
export function parseCaseNumber(number: string): { id: number; from: Date; to: Date } | null {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{6,9})$/.exec(number);
  if (!m) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const from = chinaMidnight(day);
  // No such day (20261232) parses to NaN or rolls over into another.
  if (Number.isNaN(from.getTime()) || chinaDate(from) !== day) return null;
  const id = Number(m[4]);
  // Ids below 100000 are written with leading zeros to six digits: exactly one spelling is theirs.
  if (m[4] !== String(id).padStart(6, '0')) return null;
  return { id, from, to: new Date(from.getTime() + 86_400_000) };
}
