import {
  DepartmentStaffOption, ErrorCode, OrgLevel, ReferralTargetAdminPage, ReferralTargetAdminView, ReferralTargetKind,
  ReferralTargetView,
} from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '../audit/audit.service';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { Database } from '../common/db';
import { ReferralPeopleRepository } from './data/referral-people.repository';
import type { ReferralTargetEntity } from './data/referral-target.entity';
import { ReferralTargetsRepository } from './data/referral-targets.repository';
import { CreateReferralTargetDto, UpdateReferralTargetDto } from './referrals.dto';
import { targetView } from './referral-views';

/**
 * 转办对象管理 (admins): the departments cases are referred to and the department staff who sign
 * and reply to their referrals. The 12345 hotline is the one fixed target (ReferralsService makes
 * it at start). A retired target is no longer offered to officers; what was sent to it stays in
 * its staff's inbox until replied. Every change is in the audit log.
 */
@Injectable()
export class ReferralTargetsService {
  constructor(
    private readonly targets: ReferralTargetsRepository,
    private readonly people: ReferralPeopleRepository,
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  /** Every target (active first, then by kind), with its staff and open referrals, and the options of the forms. */
  async adminPage(): Promise<ReferralTargetAdminPage> {
    const targets = await this.targets.all();
    const [staffOptions, orgUnitOptions] = await Promise.all([this.staffOptions(), this.orgUnitOptions()]);
    return { targets: await this.adminViews(targets, staffOptions), staffOptions, orgUnitOptions };
  }

  /** How many targets there are (12345 included), retired ones too. */
  count(): Promise<number> {
    return this.targets.count();
  }

  /** Adds a target. `by` is the admin (audited); the demo seed passes none. */
  async create(dto: CreateReferralTargetDto, by?: Caller): Promise<ReferralTargetView> {
    if (dto.kind === ReferralTargetKind.Hotline12345) throw new DomainException(ErrorCode.HotlineTargetFixed);
    const name = this.requireName(dto.name);
    const { target, staff } = await this.db.transaction(async ({ manager: m }) => {
      await this.requireNameFree(m, name);
      const staff = await this.requireStaff(m, dto.staffUserIds ?? []);
      if (dto.orgUnitId !== undefined) await this.requireOrgUnit(m, dto.orgUnitId);
      const saved = await this.targets.add(m, { kind: dto.kind, name, phone: dto.phone?.trim() || null, orgUnitId: dto.orgUnitId ?? null, active: true });
      await this.targets.setStaff(m, saved.id, staff, false);
      return { target: saved, staff };
    });
    if (by) await this.record(by, target.id, `created ${target.kind}; staff ${staff.join(',') || 'none'}`);
    return targetView(target);
  }

  /** New name, phone and the whole staff list: staff taken off no longer see its referrals, staff put on see them all. */
  async update(caller: Caller, id: number, dto: UpdateReferralTargetDto): Promise<ReferralTargetAdminView> {
    const name = this.requireName(dto.name);
    const staff = await this.db.transaction(async ({ manager: m }) => {
      const target = await this.requireEditable(m, id);
      await this.requireNameFree(m, name, id);
      const staff = await this.requireStaff(m, dto.staffUserIds);
      await this.targets.update(m, id, { name, phone: dto.phone?.trim() || null });
      await this.targets.setStaff(m, target.id, staff, true);
      return staff;
    });
    await this.record(caller, id, `updated; staff ${staff.join(',') || 'none'}`);
    return this.adminView(id);
  }

  /** Retired: no longer offered for new referrals. Retiring twice changes nothing. */
  async setActive(caller: Caller, id: number, active: boolean): Promise<ReferralTargetAdminView> {
    const changed = await this.db.transaction(async ({ manager: m }) => {
      const target = await this.requireEditable(m, id);
      if (target.active === active) return false;
      // Restoring a target whose name an active one has taken since would list two of one name.
      if (active) await this.requireNameFree(m, target.name, id);
      await this.targets.update(m, id, { active });
      return true;
    });
    if (changed) await this.record(caller, id, active ? 'restored' : 'retired');
    return this.adminView(id);
  }

  private async adminView(id: number): Promise<ReferralTargetAdminView> {
    const target = await this.targets.get(id);
    return (await this.adminViews([target], await this.staffOptions()))[0];
  }

  private async adminViews(targets: ReferralTargetEntity[], staffOptions: DepartmentStaffOption[]): Promise<ReferralTargetAdminView[]> {
    if (!targets.length) return [];
    const ids = targets.map((t) => t.id);
    const [links, openById, unitName] = await Promise.all([
      this.targets.staffLinks(ids),
      this.targets.openReferralCounts(ids),
      this.people.unitNames(targets.map((t) => t.orgUnitId)),
    ]);
    const staffById = new Map(staffOptions.map((s) => [s.id, s]));
    return targets.map((t) => ({
      ...targetView(t),
      orgUnitId: t.orgUnitId,
      orgUnitName: t.orgUnitId ? unitName.get(t.orgUnitId) ?? null : null,
      active: t.active,
      staff: links.filter((l) => l.targetId === t.id).flatMap((l) => staffById.get(l.userId) ?? []),
      openReferrals: openById.get(t.id) ?? 0,
    }));
  }

  /** Department staff who can work referrals (not disabled), by name. */
  private async staffOptions(): Promise<DepartmentStaffOption[]> {
    const users = await this.people.departmentStaff();
    const unitName = await this.people.unitNames(users.map((u) => u.orgUnitId));
    return users.map((u) => ({ id: u.id, nickname: u.nickname, orgUnitName: u.orgUnitId ? unitName.get(u.orgUnitId) ?? null : null }));
  }

  private orgUnitOptions(): Promise<{ id: number; name: string }[]> {
    return this.people.cityAndBranches();
  }

  private requireName(raw: string): string {
    const name = raw.trim();
    if (!name) throw new DomainException(ErrorCode.ValidationFailed, ['请填写转办对象名称']);
    return name;
  }

  /** Officers pick targets by name: two active targets of one name would be a guess. */
  private async requireNameFree(m: EntityManager, name: string, exceptId?: number): Promise<void> {
    if (await this.targets.nameTaken(m, name, exceptId)) throw new DomainException(ErrorCode.ReferralTargetExists);
  }

  /** The target, locked for the change; 12345 is fixed. */
  private async requireEditable(m: EntityManager, id: number): Promise<ReferralTargetEntity> {
    const target = await this.targets.lock(m, id);
    if (!target) throw new DomainException(ErrorCode.NotFound);
    if (target.kind === ReferralTargetKind.Hotline12345) throw new DomainException(ErrorCode.HotlineTargetFixed);
    return target;
  }

  /** Distinct ids of department staff (not disabled); anyone else is refused by name of the rule. */
  private async requireStaff(m: EntityManager, userIds: number[]): Promise<number[]> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return [];
    if ((await this.people.countDepartmentStaff(m, ids)) !== ids.length) throw new DomainException(ErrorCode.ValidationFailed, ['只能选择警种部门人员']);
    return ids;
  }

  private async requireOrgUnit(m: EntityManager, orgUnitId: number): Promise<void> {
    const unit = await this.people.unit(orgUnitId, m);
    if (!unit || (unit.level !== OrgLevel.City && unit.level !== OrgLevel.Branch)) {
      throw new DomainException(ErrorCode.ValidationFailed, ['所属单位应为市局或分局']);
    }
  }

  private record(caller: Caller, targetId: number, detail: string): Promise<void> {
    return this.audit.recordFor(caller, { action: AuditAction.ReferralTargetChanged, targetType: 'referral_target', targetId, detail });
  }
}
