import {
  DepartmentStaffOption, ErrorCode, OrgLevel, ReferralStatus, ReferralTargetAdminPage, ReferralTargetAdminView, ReferralTargetKind,
  ReferralTargetView, Role,
} from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { AuditAction, AuditService } from '../audit/audit.service';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { forUpdate } from '../common/db';
import { UserEntity } from '../identity/data/user.entity';
import { OrgUnitEntity } from '../org/data/org-unit.entity';
import { CreateReferralTargetDto, UpdateReferralTargetDto } from './referrals.dto';
import { ReferralEntity, ReferralTargetEntity, ReferralTargetStaffEntity } from './referral.entities';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every target (active first, then by kind), with its staff and open referrals, and the options of the forms. */
  async adminPage(): Promise<ReferralTargetAdminPage> {
    const targets = await this.dataSource.getRepository(ReferralTargetEntity).find({ order: { active: 'DESC', kind: 'ASC', id: 'ASC' } });
    const [staffOptions, orgUnitOptions] = await Promise.all([this.staffOptions(), this.orgUnitOptions()]);
    return { targets: await this.adminViews(targets, staffOptions), staffOptions, orgUnitOptions };
  }

  /** Adds a target. `by` is the admin (audited); the demo seed passes none. */
  async create(dto: CreateReferralTargetDto, by?: Caller): Promise<ReferralTargetView> {
    if (dto.kind === ReferralTargetKind.Hotline12345) throw new DomainException(ErrorCode.HotlineTargetFixed);
    const name = this.requireName(dto.name);
    const { target, staff } = await this.dataSource.transaction(async (m) => {
      await this.requireNameFree(m, name);
      const staff = await this.requireStaff(m, dto.staffUserIds ?? []);
      if (dto.orgUnitId !== undefined) await this.requireOrgUnit(m, dto.orgUnitId);
      const saved = await m.getRepository(ReferralTargetEntity).save({
        kind: dto.kind, name, phone: dto.phone?.trim() || null, orgUnitId: dto.orgUnitId ?? null, active: true,
      });
      if (staff.length) await m.getRepository(ReferralTargetStaffEntity).insert(staff.map((id) => ({ targetId: saved.id, userId: id })));
      return { target: saved, staff };
    });
    if (by) await this.record(by, target.id, `created ${target.kind}; staff ${staff.join(',') || 'none'}`);
    return targetView(target);
  }

  /** New name, phone and the whole staff list: staff taken off no longer see its referrals, staff put on see them all. */
  async update(caller: Caller, id: number, dto: UpdateReferralTargetDto): Promise<ReferralTargetAdminView> {
    const name = this.requireName(dto.name);
    const staff = await this.dataSource.transaction(async (m) => {
      const target = await this.requireEditable(m, id);
      await this.requireNameFree(m, name, id);
      const staff = await this.requireStaff(m, dto.staffUserIds);
      await m.getRepository(ReferralTargetEntity).update({ id }, { name, phone: dto.phone?.trim() || null });
      const staffRepo = m.getRepository(ReferralTargetStaffEntity);
      await staffRepo.delete({ targetId: target.id });
      if (staff.length) await staffRepo.insert(staff.map((userId) => ({ targetId: target.id, userId })));
      return staff;
    });
    await this.record(caller, id, `updated; staff ${staff.join(',') || 'none'}`);
    return this.adminView(id);
  }

  /** Retired: no longer offered for new referrals. Retiring twice changes nothing. */
  async setActive(caller: Caller, id: number, active: boolean): Promise<ReferralTargetAdminView> {
    const changed = await this.dataSource.transaction(async (m) => {
      const target = await this.requireEditable(m, id);
      if (target.active === active) return false;
      // Restoring a target whose name an active one has taken since would list two of one name.
      if (active) await this.requireNameFree(m, target.name, id);
      await m.getRepository(ReferralTargetEntity).update({ id }, { active });
      return true;
    });
    if (changed) await this.record(caller, id, active ? 'restored' : 'retired');
    return this.adminView(id);
  }

  private async adminView(id: number): Promise<ReferralTargetAdminView> {
    const target = await this.dataSource.getRepository(ReferralTargetEntity).findOneByOrFail({ id });
    return (await this.adminViews([target], await this.staffOptions()))[0];
  }

  private async adminViews(targets: ReferralTargetEntity[], staffOptions: DepartmentStaffOption[]): Promise<ReferralTargetAdminView[]> {
    if (!targets.length) return [];
    const ids = targets.map((t) => t.id);
    const [links, open, unitName] = await Promise.all([
      this.dataSource.getRepository(ReferralTargetStaffEntity).find({ where: { targetId: In(ids) }, order: { id: 'ASC' } }),
      this.dataSource
        .getRepository(ReferralEntity)
        .createQueryBuilder('r')
        .select('r.target_id', 'targetId')
        .addSelect('COUNT(*)', 'n')
        .where('r.target_id IN (:...ids)', { ids })
        .andWhere('r.status <> :replied', { replied: ReferralStatus.Replied })
        .groupBy('r.target_id')
        .getRawMany<{ targetId: number; n: string | number }>(),
      this.unitNames(targets.map((t) => t.orgUnitId)),
    ]);
    const staffById = new Map(staffOptions.map((s) => [s.id, s]));
    const openById = new Map(open.map((r) => [Number(r.targetId), Number(r.n)]));
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
    const users = await this.dataSource.getRepository(UserEntity).find({
      select: { id: true, nickname: true, orgUnitId: true },
      where: { role: Role.DepartmentStaff, disabled: false },
      order: { nickname: 'ASC', id: 'ASC' },
    });
    const unitName = await this.unitNames(users.map((u) => u.orgUnitId));
    return users.map((u) => ({ id: u.id, nickname: u.nickname, orgUnitName: u.orgUnitId ? unitName.get(u.orgUnitId) ?? null : null }));
  }

  /** Names of the org units among `ids` (nulls skipped), by id. */
  private async unitNames(ids: (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    const units = wanted.length ? await this.dataSource.getRepository(OrgUnitEntity).find({ where: { id: In(wanted) } }) : [];
    return new Map(units.map((u) => [u.id, u.name]));
  }

  private async orgUnitOptions(): Promise<{ id: number; name: string }[]> {
    const units = await this.dataSource.getRepository(OrgUnitEntity).find({ where: { level: In([OrgLevel.City, OrgLevel.Branch]) }, order: { path: 'ASC' } });
    return units.map((u) => ({ id: u.id, name: u.name }));
  }

  private requireName(raw: string): string {
    const name = raw.trim();
    if (!name) throw new DomainException(ErrorCode.ValidationFailed, ['请填写转办对象名称']);
    return name;
  }

  /** Officers pick targets by name: two active targets of one name would be a guess. */
  private async requireNameFree(m: EntityManager, name: string, exceptId?: number): Promise<void> {
    const taken = await m.getRepository(ReferralTargetEntity).exist({ where: { name, active: true, ...(exceptId ? { id: Not(exceptId) } : {}) } });
    if (taken) throw new DomainException(ErrorCode.ReferralTargetExists);
  }

  /** The target, locked for the change; 12345 is fixed. */
  private async requireEditable(m: EntityManager, id: number): Promise<ReferralTargetEntity> {
    const target = await m.getRepository(ReferralTargetEntity).findOne({ where: { id }, ...forUpdate(m) });
    if (!target) throw new DomainException(ErrorCode.NotFound);
    if (target.kind === ReferralTargetKind.Hotline12345) throw new DomainException(ErrorCode.HotlineTargetFixed);
    return target;
  }

  /** Distinct ids of department staff (not disabled); anyone else is refused by name of the rule. */
  private async requireStaff(m: EntityManager, userIds: number[]): Promise<number[]> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return [];
    const found = await m.getRepository(UserEntity).count({ where: { id: In(ids), role: Role.DepartmentStaff, disabled: false } });
    if (found !== ids.length) throw new DomainException(ErrorCode.ValidationFailed, ['只能选择警种部门人员']);
    return ids;
  }

  private async requireOrgUnit(m: EntityManager, orgUnitId: number): Promise<void> {
    const unit = await m.getRepository(OrgUnitEntity).findOne({ where: { id: orgUnitId } });
    if (!unit || (unit.level !== OrgLevel.City && unit.level !== OrgLevel.Branch)) {
      throw new DomainException(ErrorCode.ValidationFailed, ['所属单位应为市局或分局']);
    }
  }

  private record(caller: Caller, targetId: number, detail: string): Promise<void> {
    return this.audit.recordFor(caller, { action: AuditAction.ReferralTargetChanged, targetType: 'referral_target', targetId, detail });
  }
}
