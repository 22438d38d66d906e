import { Injectable } from '@nestjs/common';
import type { Scope } from '../org/scope';
import { FigureSnapshotsRepository } from './data/figure-snapshots.repository';

/** A case of a kept day's digest: where it was at the day's end and its status then. */
export interface KeptOpenCase {
  caseId: number;
  communityId: number;
  status: string;
}

/**
 * The daily snapshots as the 政法委/综治 digest reads them (docs/figures.md, "Snapshots"): a past
 * day that was kept lists the cases in handling at its end where they were then, so a case
 * transferred later stays under its old station in that day's digest.
 */
@Injectable()
export class DigestSnapshots {
  constructor(private readonly snapshots: FigureSnapshotsRepository) {}

  /** The kept day's cases in handling in the scope; null when the day has no snapshot (then the digest reads the records). */
  async openCases(day: string, scope: Scope): Promise<KeptOpenCase[] | null> {
    if (!(await this.snapshots.madeDays(day, day)).has(day)) return null;
    return this.snapshots.openCases(day, scope);
  }
}
