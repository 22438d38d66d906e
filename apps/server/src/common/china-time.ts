/**
 * China time (UTC+8, no daylight saving): the day and clock people in 蚌埠 live by, whatever zone
 * the server runs in. Case numbers, the daily digest and room notices all count days this way.
 */
export const CHINA_OFFSET_MS = 8 * 3600_000;

/** The instant as a Date whose UTC fields read China time. */
const inChina = (at: Date | number): Date => new Date((typeof at === 'number' ? at : at.getTime()) + CHINA_OFFSET_MS);

/** 2026-12-06: the China date of the instant. */
export const chinaDate = (at: Date | number): string => inChina(at).toISOString().slice(0, 10);

/** 2026-12-03 14:00 in China time. */
export const chinaDateTime = (at: Date): string => inChina(at).toISOString().slice(0, 16).replace('T', ' ');

/** The instant China's day `YYYY-MM-DD` begins (its midnight, as UTC). */
export const chinaMidnight = (day: string): Date => new Date(Date.parse(`${day}T00:00:00.000Z`) - CHINA_OFFSET_MS);
