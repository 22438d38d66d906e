import { FigurePeriod, OrgLevel, REVIEW_UNIT_OF_LEVEL, reviewPeriod, ReviewUnit } from '@jws/contracts';
import { chinaDate, chinaMidnight } from '../common/china-time';

const DAY_MS = 86_400_000;

/** The unit of a node's cadence: stations weekly, branches every 旬, the city monthly; null for communities. */
export const unitOfLevel = (level: OrgLevel): ReviewUnit | null => REVIEW_UNIT_OF_LEVEL[level] ?? null;

/** The day before a China-time date. */
export const dayBefore = (day: string): string => chinaDate(chinaMidnight(day).getTime() - DAY_MS);

/** The current period of a unit and the `count - 1` before it, the current one first. */
export function recentPeriods(unit: ReviewUnit, today: string, count: number): FigurePeriod[] {
  const out = [reviewPeriod(unit, today)];
  while (out.length < count) out.push(reviewPeriod(unit, dayBefore(out[out.length - 1].from)));
  return out;
}

/** The period of a unit that ended last before today (its last day is yesterday or earlier). */
export const lastEnded = (unit: ReviewUnit, today: string): FigurePeriod => reviewPeriod(unit, dayBefore(reviewPeriod(unit, today).from));

/** The instant a follow-up or issue falls overdue: the midnight (China time) after its deadline day. */
export const endOfDay = (day: string): Date => new Date(chinaMidnight(day).getTime() + DAY_MS);
