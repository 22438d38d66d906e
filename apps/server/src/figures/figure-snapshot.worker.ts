import { FIGURE_COUNTERS } from '@jws/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CasesApi } from '../cases';
import { chinaDate, chinaMidnight } from '../common/china-time';
import { IntervalWorker } from '../common/interval-worker';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OrgFiguresRepository } from '../org';
import type { FigureSnapshotEntity, FigureSnapshotRecordEntity } from './data/figure-snapshot.entity';
import { FigureSnapshotsRepository } from './data/figure-snapshots.repository';
import { FigureCounting } from './figure-counting';

const DAY_MS = 86_400_000;

/**
 * The daily snapshot (docs/figures.md, "Snapshots"): after midnight China time, yesterday's
 * figures of every community (and the cases in handling at the day's end, for the 政法委/综治
 * digest) are written once, whichever of several instances gets there first
 * (FigureSnapshotsRepository.write), and closed days are then served from them.
 */
@Injectable()
export class FigureSnapshotWorker extends IntervalWorker {
  protected readonly logger = new Logger(FigureSnapshotWorker.name);
  readonly owner = randomUUID();

  constructor(
    private readonly org: OrgFiguresRepository,
    private readonly cases: CasesApi,
    private readonly counting: FigureCounting,
    private readonly snapshots: FigureSnapshotsRepository,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {
    super();
  }

  /** Makes yesterday's snapshot (China time) if no instance has; true when this one made it. */
  tick(now = new Date()): Promise<boolean> {
    return this.snapshot(chinaDate(now.getTime() - DAY_MS), now);
  }

  /** The snapshot of one closed day, once. */
  async snapshot(day: string, now = new Date()): Promise<boolean> {
    if ((await this.snapshots.madeDays(day, day)).has(day)) return false;
    const range = { from: chinaMidnight(day), to: new Date(chinaMidnight(day).getTime() + DAY_MS) };
    const made = await this.snapshots.write(day, this.owner, now, async () => {
      const rows: Omit<FigureSnapshotEntity, 'id'>[] = [];
      const kept: Omit<FigureSnapshotRecordEntity, 'id'>[] = [];
      for (const community of await this.org.communities()) {
        const target = { kind: 'subtree' as const, pathPrefix: community.path };
        const [records, rates] = await Promise.all([this.counting.all(target, range), this.cases.figures.rates(target, range, now)]);
        rows.push({
          day, communityId: community.id, orgPath: community.path,
          publicity: records.publicity?.length ?? null, notices: records.notices?.length ?? null,
          disputesResolved: records.disputesResolved?.length ?? 0, services: records.services?.length ?? 0,
          prevention: records.prevention?.length ?? 0, anomalies: records.anomalies?.length ?? 0, ...rates,
        });
        for (const counter of FIGURE_COUNTERS) {
          for (const ref of records[counter] ?? []) {
            kept.push({ day, communityId: community.id, orgPath: community.path, counter, recordType: ref.type, recordId: ref.id, at: ref.at });
          }
        }
      }
      // A station's own row: pushes into its enterprise groups, which lie under no community
      // (docs/figures.md). Whatever its communities already hold is not counted again.
      const inCommunities = new Set(kept.map((r) => `${r.counter}:${r.recordType}:${r.recordId}`));
      for (const station of await this.org.stations()) {
        const records = await this.counting.all({ kind: 'subtree', pathPrefix: station.path }, range);
        const own = (counter: 'publicity' | 'notices') => records[counter]?.filter((ref) => !inCommunities.has(`${counter}:${ref.type}:${ref.id}`)) ?? null;
        const publicity = own('publicity');
        const notices = own('notices');
        rows.push({
          day, communityId: station.id, orgPath: station.path, publicity: publicity?.length ?? null, notices: notices?.length ?? null,
          disputesResolved: 0, services: 0, prevention: 0, anomalies: 0,
          responseMet: 0, responseDue: 0, resolved: 0, resolvable: 0, satisfied: 0, rated: 0,
        });
        for (const [counter, refs] of [['publicity', publicity], ['notices', notices]] as const) {
          for (const ref of refs ?? []) kept.push({ day, communityId: station.id, orgPath: station.path, counter, recordType: ref.type, recordId: ref.id, at: ref.at });
        }
      }
      // The 政法委/综治 digest of the day: the cases in handling at its end, where they were.
      const openCases = (await this.cases.placesOpenAt(range.to)).map((c) => ({
        day, caseId: c.id, communityId: c.communityId, orgPath: c.orgPath, officerId: c.officerId, status: c.status,
      }));
      return { rows, records: kept, openCases };
    });
    if (made) this.logger.log(`figures of ${day} kept`);
    return made;
  }
}
