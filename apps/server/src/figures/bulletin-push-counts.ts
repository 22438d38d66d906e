import { Injectable } from '@nestjs/common';
import { BulletinFiguresService, type PushRecord } from '../bulletins';
import type { FigureTarget, TimeRange } from '../common/db';

/** A bulletin push behind 法治宣传 or 提醒告知 (docs/figures.md). */
export interface BulletinPushRecord {
  id: number;
  at: Date;
  title: string;
  communityName: string;
}

/**
 * The port through which figures read bulletin pushes (docs/figures.md): 法治宣传 are pushes of
 * 法治宣传 bulletins, 提醒告知 pushes of 预警 and 辟谣 bulletins (`PUSH_COUNT_OF` in
 * packages/contracts/src/bulletins/api.ts), each push into one group counted once (pushes × groups).
 * A binding may answer null when it has no source; figures then list both counters as unavailable.
 */
export interface BulletinPushCounts {
  /** The pushes in the period within the target, per counter; null while no bulletin source is connected. */
  pushes(target: FigureTarget, range: TimeRange): Promise<{ publicity: BulletinPushRecord[]; notices: BulletinPushRecord[] } | null>;
}

export const BULLETIN_PUSH_COUNTS = Symbol('BulletinPushCounts');

/** The port bound to the bulletins feature's face. */
@Injectable()
export class BulletinsPushCounts implements BulletinPushCounts {
  constructor(private readonly bulletins: BulletinFiguresService) {}

  async pushes(target: FigureTarget, range: TimeRange): Promise<{ publicity: BulletinPushRecord[]; notices: BulletinPushRecord[] }> {
    const records = await this.bulletins.pushRecords(target, range);
    const asRecord = (p: PushRecord): BulletinPushRecord => ({ id: p.id, at: p.at, title: p.title, communityName: p.groupName });
    return { publicity: records.legalPublicity.map(asRecord), notices: records.reminders.map(asRecord) };
  }
}
