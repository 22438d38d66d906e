import { BULLETIN_DAILY_QUOTA, BulletinKind, RUMOUR_RESERVED_SLOTS } from '@jws/contracts';

/**
 * The slots of a group's China day a bulletin of `kind` may take (docs/bulletins.md, "The daily
 * quota"): every kind 1..BULLETIN_DAILY_QUOTA; a 辟谣 also the reserved urgent slot(s) above them,
 * which no other kind may take. The unique key on (group, day, slot) keeps each slot to one push.
 */
export function slotsFor(kind: BulletinKind): number {
  return BULLETIN_DAILY_QUOTA + (kind === BulletinKind.Rumour ? RUMOUR_RESERVED_SLOTS : 0);
}
