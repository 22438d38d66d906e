import { BULLETIN_DAILY_QUOTA, BulletinKind, RUMOUR_RESERVED_SLOTS } from '@jws/contracts';

/**
 * The slots of a group's China day a bulletin of `kind` may take, in the order it tries them
 * (docs/bulletins.md, "The daily quota"): every kind the daily slots 1..BULLETIN_DAILY_QUOTA; a 辟谣
 * first the reserved urgent slot(s) above them, which no other kind may take, then the daily ones.
 * The unique key on (group, day, slot) keeps each slot to one push.
 */
export function slotsFor(kind: BulletinKind): number[] {
  const daily = Array.from({ length: BULLETIN_DAILY_QUOTA }, (_, i) => i + 1);
  if (kind !== BulletinKind.Rumour) return daily;
  return [...Array.from({ length: RUMOUR_RESERVED_SLOTS }, (_, i) => BULLETIN_DAILY_QUOTA + i + 1), ...daily];
}
