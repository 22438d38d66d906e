import {
  ErrorCode, FigurePeriod, isCalendarDate, LEADER_ROLES, OrgLevel, Permission, REVIEW_UNIT_LABELS, reviewPeriod, ReviewPeriodItem, ReviewSchedule,
  ReviewUnit, ReviewView, Role,
} from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Access } from '../access/access';
import { AuditAction, AuditService } from '../audit';
import { chinaDate } from '../common/china-time';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { Accounts } from '../identity';
import { NotificationsService } from '../notifications';
import { OrgUnits } from '../org';
import type { OrgUnitEntity } from '../org';
import { FollowUpsRepository } from './data/follow-ups.repository';
import { ReviewsRepository } from './data/reviews.repository';
import { RecordReviewDto } from './reviews.dto';
import { endOfDay, recentPeriods, unitOfLevel } from './review-periods';
import { ReviewViews } from './review-views';
import { UnitLeaders } from './unit-leaders';

/** Periods the 会商调度 list shows of a node, and how far back it lists the missed reviews below. */
const LISTED_PERIODS = 6;
const MISSED_BELOW_DAYS = 92;
/** Roles that may own a follow-up. */
const OWNER_ROLES: readonly Role[] = [Role.CommunityOfficer, ...LEADER_ROLES];

export interface ReviewNode {
  unit: OrgUnitEntity;
  cadence: ReviewUnit;
}

/**
 * 会商调度 (docs/reviews.md): a node's cadence and its periods, recording a review with its
 * decisions (each a follow-up with an owner and a deadline), and reading one back.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly units: OrgUnits,
    private readonly accounts: Accounts,
    private readonly notifications: NotificationsService,
    private readonly reviews: ReviewsRepository,
    private readonly followUps: FollowUpsRepository,
    private readonly views: ReviewViews,
    private readonly leaders: UnitLeaders,
    private readonly db: Database,
  ) {}

  /** The node asked for, in the caller's jurisdiction (else 404 and an audit entry), or the caller's own unit. */
  async node(caller: Caller, orgId: number | undefined): Promise<ReviewNode> {
    const id = orgId ?? caller.user.orgUnitId ?? 0;
    const found = await this.units.find(id);
    const unit = await this.access.require(caller, { type: 'org_unit', id }, found, (u) => ({ place: { path: u.path, officerId: u.officerId } }), [
      { permission: Permission.ReviewHold, within: 'jurisdiction' },
    ]);
    const cadence = unitOfLevel(unit.level);
    if (!cadence) throw new DomainException(ErrorCode.ValidationFailed, ['社区没有会商安排，请选择派出所、分县局或市局']);
    return { unit, cadence };
  }

  /** Whether the caller records the node's reviews: a leader of that very unit. */
  canRecord(caller: Caller, unit: OrgUnitEntity): boolean {
    return caller.user.orgUnitId === unit.id && LEADER_ROLES.includes(caller.user.role) && caller.permissions.has(Permission.ReviewHold);
  }

  async schedule(caller: Caller, orgId?: number, now = new Date()): Promise<ReviewSchedule> {
    const { unit, cadence } = await this.node(caller, orgId);
    const today = chinaDate(now);
    const periods = recentPeriods(cadence, today, LISTED_PERIODS);
    const froms = periods.map((p) => p.from);
    const [reviews, misses, below] = await Promise.all([
      this.reviews.ofPeriods([unit.id], froms),
      this.reviews.missesOf(unit.id, froms),
      this.reviews.missesUnder(unit.path, unit.id, chinaDate(now.getTime() - MISSED_BELOW_DAYS * 86_400_000)),
    ]);
    const belowUnits = await this.units.findMany(below.map((m) => m.orgId));
    const canRecord = this.canRecord(caller, unit);
    const item = (p: FigurePeriod): ReviewPeriodItem => {
      const review = reviews.find((r) => r.periodFrom === p.from);
      const miss = misses.find((m) => m.periodFrom === p.from);
      return {
        orgId: unit.id, orgName: unit.name, level: unit.level, unit: cadence, period: p,
        state: review ? 'recorded' : p.to < today ? 'missed' : 'due',
        reviewId: review?.id ?? null, heldOn: review?.heldOn ?? null, reportedAt: miss?.reportedAt.toISOString() ?? null,
      };
    };
    return {
      node: { id: unit.id, name: unit.name, level: unit.level }, unit: cadence, canRecord,
      owners: canRecord ? await this.leaders.police(unit) : [],
      periods: periods.map(item),
      missedBelow: below.map((m) => {
        const u = belowUnits.get(m.orgId);
        return {
          orgId: m.orgId, orgName: u?.name ?? '', level: u?.level ?? OrgLevel.Station, unit: m.unit, period: { from: m.periodFrom, to: m.periodTo },
          state: 'missed', reviewId: null, heldOn: null, reportedAt: m.reportedAt.toISOString(),
        };
      }),
    };
  }

  /** The period of a node's cadence that starts on `from`; refused when `from` is no period's first day, or the period has not begun. */
  duePeriod(cadence: ReviewUnit, from: string, now: Date): FigurePeriod {
    if (!isCalendarDate(from)) throw new DomainException(ErrorCode.ValidationFailed, ['日期应为 YYYY-MM-DD 格式的真实日期']);
    const period = reviewPeriod(cadence, from);
    if (period.from > chinaDate(now)) throw new DomainException(ErrorCode.ReviewNotDue);
    if (period.from !== from) throw new DomainException(ErrorCode.ValidationFailed, [`会商时段应从${period.from}开始（${REVIEW_UNIT_LABELS[cadence]}）`]);
    return period;
  }

  /**
   * Records the review of the caller's own unit for a period that has begun (or ended: a late
   * review is still recorded), with its decisions as follow-ups, their owners told, in one
   * transaction; a second review of the same period is refused.
   */
  async record(caller: Caller, dto: RecordReviewDto, now = new Date()): Promise<ReviewView> {
    const { unit, cadence } = await this.node(caller, undefined);
    if (!this.canRecord(caller, unit)) throw new DomainException(ErrorCode.Forbidden);
    const period = this.duePeriod(cadence, dto.periodFrom, now);
    const today = chinaDate(now);
    if (!isCalendarDate(dto.heldOn) || dto.heldOn < period.from || dto.heldOn > period.to || dto.heldOn > today) {
      throw new DomainException(ErrorCode.ValidationFailed, [`会商日期应在${period.from}至${period.to < today ? period.to : today}之间`]);
    }
    const decisions = await this.checkDecisions(unit, dto, today);
    const id = await this.db.transaction(async ({ manager: m }) => {
      const reviewId = await this.reviews.insert(m, {
        orgId: unit.id, orgPath: unit.path, unit: cadence, periodFrom: period.from, periodTo: period.to, heldOn: dto.heldOn,
        attendees: dto.attendees.trim(), summary: dto.summary.trim(), recordedBy: caller.user.id, recordedAt: now,
      });
      if (reviewId === null) throw new DomainException(ErrorCode.ReviewAlreadyRecorded);
      await this.followUps.insertMany(m, decisions.map((d) => ({
        reviewId, orgId: unit.id, orgPath: unit.path, content: d.content, ownerId: d.ownerId, deadline: d.deadline, dueAt: endOfDay(d.deadline),
        status: 'open' as const, escalatedAt: null, doneAt: null, doneNote: null, leaseUntil: null, createdAt: now,
      })));
      await this.notifications.notifyAll(m, decisions.map((d, i) => ({
        userIds: [d.ownerId],
        input: { title: `会商督办：${unit.name}`, body: `${d.content}（期限${d.deadline}，${caller.user.nickname}交办）`, caseId: null },
        dedupeKey: `review:${reviewId}:decision:${i}`,
      })));
      await this.audit.recordFor(caller, { action: AuditAction.ReviewRecorded, targetType: 'review', targetId: reviewId, detail: `${unit.name} ${period.from}..${period.to}` }, m);
      return reviewId;
    });
    return this.view(caller, id);
  }

  /** Each decision's owner (police of the unit's jurisdiction) and deadline (today or later), else DECISION_INCOMPLETE. */
  private async checkDecisions(unit: OrgUnitEntity, dto: RecordReviewDto, today: string): Promise<{ content: string; ownerId: number; deadline: string }[]> {
    const incomplete = dto.decisions.filter((d) => !d.ownerId || !d.deadline);
    if (incomplete.length) throw new DomainException(ErrorCode.DecisionIncomplete, ['每项决定都须指定责任人和完成期限'], '每项决定都须指定责任人和完成期限');
    const owners = await this.accounts.findMany(dto.decisions.map((d) => d.ownerId as number));
    const ownerUnits = await this.units.findMany([...owners.values()].map((u) => u.orgUnitId ?? 0));
    return dto.decisions.map((d) => {
      const owner = owners.get(d.ownerId as number);
      const place = owner?.orgUnitId ? ownerUnits.get(owner.orgUnitId) : undefined;
      if (!owner || owner.disabled || !OWNER_ROLES.includes(owner.role) || !place?.path.startsWith(unit.path)) {
        throw new DomainException(ErrorCode.DecisionIncomplete, ['责任人须为本辖区的民警或领导'], '责任人须为本辖区的民警或领导');
      }
      const deadline = String(d.deadline);
      if (!isCalendarDate(deadline) || deadline < today) throw new DomainException(ErrorCode.DecisionIncomplete, ['完成期限应为今天或以后的日期'], '完成期限应为今天或以后的日期');
      return { content: d.content.trim(), ownerId: owner.id, deadline };
    });
  }

  /** A recorded review, for who may see its node (else 404 and an audit entry). */
  async view(caller: Caller, id: number): Promise<ReviewView> {
    const row = await this.reviews.find(id);
    const review = await this.access.require(caller, { type: 'review', id }, row, (r) => ({ place: { path: r.orgPath, officerId: null } }), [
      { permission: Permission.ReviewHold, within: 'jurisdiction' },
    ]);
    return this.views.review(review, await this.followUps.ofReviews([review.id]));
  }
}
