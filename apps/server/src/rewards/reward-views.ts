import { Permission, RewardView } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { covers } from '../access/access';
import { BulletinNaming, withName } from '../bulletins';
import { CasesApi } from '../cases';
import type { Caller } from '../common/request-context';
import { Accounts } from '../identity';
import { OrgUnits } from '../org';
import type { RewardEntity } from './data/reward.entity';

/** What the caller may do with a reward. */
export function rewardCan(caller: Caller, r: RewardEntity): RewardView['can'] {
  return {
    decide: r.status === 'proposed' && caller.permissions.has(Permission.RewardDecide) && covers(caller.scope, { path: r.orgPath, officerId: null }),
    consent: r.status === 'approved' && r.deedType === 'bulletin' && r.residentId === caller.user.id,
  };
}

/** Rewards as the lists and pages show them: names, the case number, the bulletin's title as read, the naming answer. */
@Injectable()
export class RewardViews {
  constructor(
    private readonly accounts: Accounts,
    private readonly units: OrgUnits,
    private readonly cases: CasesApi,
    private readonly naming: BulletinNaming,
  ) {}

  async of(caller: Caller, rows: RewardEntity[]): Promise<RewardView[]> {
    if (!rows.length) return [];
    const userIds = [...new Set(rows.flatMap((r) => [r.residentId, r.proposedBy, ...(r.decidedBy ? [r.decidedBy] : [])]))];
    const caseIds = rows.flatMap((r) => (r.caseId ? [r.caseId] : []));
    const bulletinIds = rows.flatMap((r) => (r.bulletinId ? [r.bulletinId] : []));
    const [users, units, cases, bulletins] = await Promise.all([
      this.accounts.findMany(userIds),
      this.units.findMany([...new Set(rows.map((r) => r.communityId))]),
      this.cases.records.findMany(caseIds),
      this.naming.rows(bulletinIds),
    ]);
    const caseNumbers = new Map(cases.map((c) => [c.id, c.number]));
    const name = (id: number | null) => (id ? users.get(id)?.nickname ?? '' : null);
    return rows.map((r) => {
      const bulletin = r.bulletinId ? bulletins.get(r.bulletinId) : undefined;
      return {
        id: r.id,
        status: r.status,
        kind: r.kind,
        form: r.form,
        amountYuan: r.amountCents === null ? null : r.amountCents / 100,
        deed: r.deed,
        deedType: r.deedType,
        caseId: r.caseId,
        caseNumber: r.caseId ? caseNumbers.get(r.caseId) ?? null : null,
        bulletinId: r.bulletinId,
        bulletinTitle: bulletin ? withName(bulletin.title, bulletin.agreedName) : null,
        residentId: r.residentId,
        residentName: name(r.residentId) ?? '',
        communityName: units.get(r.communityId)?.name ?? '',
        proposedByName: name(r.proposedBy) ?? '',
        proposedAt: r.proposedAt.toISOString(),
        decidedByName: name(r.decidedBy),
        decidedAt: r.decidedAt?.toISOString() ?? null,
        refusalReason: r.refusalReason,
        naming: r.status === 'approved' && bulletin && bulletin.namedUserId === r.residentId ? bulletin.naming : null,
        can: rewardCan(caller, r),
      };
    });
  }
}
