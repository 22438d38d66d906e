import {
  CaseKind, CreatePreventionActionRequest, ErrorCode, OrgLevel, Page, Permission, PREVENTION_BACKDATE_HOURS, PreventionActionView,
} from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Access } from '../access/access';
import { AuditAction, AuditService } from '../audit/audit.service';
import { CasesApi } from '../cases';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { OrgFiguresRepository } from '../org';
import type { PreventionActionEntity } from './data/prevention-action.entity';
import { PreventionActionsRepository } from './data/prevention-actions.repository';
import { FiguresService } from './figures.service';

/** Clock skew allowed for "not in the future": a phone a little ahead of the server. */
const SKEW_MS = 5 * 60_000;

/** 安全防范 actions (巡逻 / 走访 / 提示): officers record them; they count in 安全防范 (docs/figures.md). */
@Injectable()
export class PreventionService {
  constructor(
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly cases: CasesApi,
    private readonly org: OrgFiguresRepository,
    private readonly repo: PreventionActionsRepository,
    private readonly figures: FiguresService,
  ) {}

  /**
   * Records an action on a hazard case the caller may handle (its community is the action's), or
   * in a community of their jurisdiction; 404 and an audit entry for anything else.
   */
  async create(caller: Caller, dto: CreatePreventionActionRequest, now = new Date()): Promise<PreventionActionView> {
    const actedAt = new Date(dto.actedAt);
    if (Number.isNaN(actedAt.getTime()) || actedAt.getTime() > now.getTime() + SKEW_MS || actedAt.getTime() < now.getTime() - PREVENTION_BACKDATE_HOURS * 3600_000) {
      throw new DomainException(ErrorCode.PreventionTimeInvalid);
    }
    let place: { caseId: number | null; communityId: number; orgPath: string };
    if (dto.caseId !== undefined) {
      const entity = await this.cases.requireCase(caller, dto.caseId, Permission.CaseHandle);
      if (entity.kind !== CaseKind.Hazard) throw new DomainException(ErrorCode.NotAHazard);
      place = { caseId: entity.id, communityId: entity.communityId, orgPath: entity.orgPath };
    } else if (dto.communityId !== undefined) {
      const found = await this.org.unit(dto.communityId);
      const community = await this.access.require(
        caller, { type: 'community', id: dto.communityId }, found && found.level === OrgLevel.Community ? found : null,
        (u) => ({ place: { path: u.path, officerId: u.officerId } }), [{ permission: Permission.PreventionRecord, within: 'jurisdiction' }],
      );
      place = { caseId: null, communityId: community.id, orgPath: community.path };
    } else {
      throw new DomainException(ErrorCode.ValidationFailed, ['请选择隐患上报或社区']);
    }
    const saved = await this.repo.insert({
      kind: dto.kind, actedAt, place: dto.place.trim(), note: dto.note?.trim() || null, ...place, officerId: caller.user.id, createdAt: now,
    });
    await this.audit.recordFor(caller, { action: AuditAction.PreventionRecorded, targetType: 'prevention_action', targetId: saved.id });
    return (await this.views([saved]))[0];
  }

  /** The actions of a node of the caller's jurisdiction (default: their own), the latest done first. */
  async list(caller: Caller, orgId: number | undefined, page: number, pageSize: number): Promise<Page<PreventionActionView>> {
    const { target, node } = await this.figures.scope(caller, orgId);
    const { rows, total } = await this.repo.page(target, page, pageSize);
    if (rows.length) await this.figures.recordPlacesRead(caller, node?.id, `prevention-actions page=${page}`);
    return { items: await this.views(rows), total, page, pageSize };
  }

  private async views(rows: PreventionActionEntity[]): Promise<PreventionActionView[]> {
    const names = await this.figures.communityNames(rows.map((r) => r.communityId));
    return rows.map((r) => ({
      id: r.id, kind: r.kind, actedAt: r.actedAt.toISOString(), place: r.place, note: r.note, caseId: r.caseId,
      communityId: r.communityId, communityName: names.get(r.communityId) ?? '', officerId: r.officerId, createdAt: r.createdAt.toISOString(),
    }));
  }
}
