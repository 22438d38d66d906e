import type { FigureTarget, TimeRange } from '../common/db';

/** A bulletin push behind 法治宣传 or 提醒告知 (docs/figures.md). */
export interface BulletinPushRecord {
  id: number;
  at: Date;
  title: string;
  communityName: string;
}

/**
 * The port through which figures read bulletin pushes (issue #21: 法治宣传 are pushes of 法治宣传
 * bulletins, 提醒告知 pushes of 预警). The bulletins feature (branch `bulletins`) is not merged yet:
 * until its face is bound here (FiguresModule's provider for BULLETIN_PUSH_COUNTS), the port
 * answers null, and figures list both counters as unavailable rather than invent a number.
 */
export interface BulletinPushCounts {
  /** The pushes in the period within the target, per counter; null while no bulletin source is connected. */
  pushes(target: FigureTarget, range: TimeRange): Promise<{ publicity: BulletinPushRecord[]; notices: BulletinPushRecord[] } | null>;
}

export const BULLETIN_PUSH_COUNTS = Symbol('BulletinPushCounts');

/** The port's binding until the bulletins feature lands: no source, so no numbers. */
export class UnconnectedBulletinPushCounts implements BulletinPushCounts {
  async pushes(): Promise<null> {
    return null;
  }
}
