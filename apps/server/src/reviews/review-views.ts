import { FollowUpView, MajorIssueView, ReviewView } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Accounts } from '../identity';
import { OrgUnits } from '../org';
import type { FollowUpEntity } from './data/follow-up.entity';
import type { MajorIssueEntity } from './data/major-issue.entity';
import type { ReviewEntity } from './data/review.entity';
import { ReviewsRepository } from './data/reviews.repository';

/** Reviews, follow-ups and 重大问题 as the app shows them: with the names of their places and people. */
@Injectable()
export class ReviewViews {
  constructor(
    private readonly units: OrgUnits,
    private readonly accounts: Accounts,
    private readonly reviews: ReviewsRepository,
  ) {}

  async names(userIds: readonly number[]): Promise<Map<number, string>> {
    const users = await this.accounts.findMany([...new Set(userIds)]);
    return new Map([...users].map(([id, u]) => [id, u.nickname]));
  }

  async unitNames(ids: readonly number[]): Promise<Map<number, string>> {
    const units = await this.units.findMany([...new Set(ids)]);
    return new Map([...units].map(([id, u]) => [id, u.name]));
  }

  async followUps(rows: FollowUpEntity[], now = new Date()): Promise<FollowUpView[]> {
    if (!rows.length) return [];
    const reviewIds = [...new Set(rows.map((r) => r.reviewId))];
    const [owners, units, reviews] = await Promise.all([
      this.names(rows.map((r) => r.ownerId)),
      this.unitNames(rows.map((r) => r.orgId)),
      Promise.all(reviewIds.map((id) => this.reviews.find(id))),
    ]);
    const periods = new Map(reviews.filter((r): r is ReviewEntity => r !== null).map((r) => [r.id, { from: r.periodFrom, to: r.periodTo }]));
    return rows.map((r) => ({
      id: r.id, reviewId: r.reviewId, orgId: r.orgId, orgName: units.get(r.orgId) ?? '', period: periods.get(r.reviewId) ?? { from: '', to: '' },
      content: r.content, ownerId: r.ownerId, ownerName: owners.get(r.ownerId) ?? '', deadline: r.deadline, status: r.status,
      overdue: r.status === 'open' && r.dueAt.getTime() <= now.getTime(), escalatedAt: r.escalatedAt?.toISOString() ?? null,
      doneAt: r.doneAt?.toISOString() ?? null, doneNote: r.doneNote,
    }));
  }

  async review(row: ReviewEntity, followUps: FollowUpEntity[]): Promise<ReviewView> {
    const [names, units, items] = await Promise.all([this.names([row.recordedBy]), this.unitNames([row.orgId]), this.followUps(followUps)]);
    return {
      id: row.id, orgId: row.orgId, orgName: units.get(row.orgId) ?? '', unit: row.unit, period: { from: row.periodFrom, to: row.periodTo },
      heldOn: row.heldOn, attendees: row.attendees, summary: row.summary, recordedBy: names.get(row.recordedBy) ?? '',
      recordedAt: row.recordedAt.toISOString(), followUps: items,
    };
  }

  async majorIssues(rows: MajorIssueEntity[]): Promise<MajorIssueView[]> {
    const [people, units] = await Promise.all([this.names(rows.flatMap((r) => [r.raisedBy, r.leaderId])), this.unitNames(rows.map((r) => r.stationId))]);
    return rows.map((r) => ({
      id: r.id, stationId: r.stationId, stationName: units.get(r.stationId) ?? '', title: r.title, detail: r.detail,
      raisedBy: people.get(r.raisedBy) ?? '', raisedAt: r.raisedAt.toISOString(), leaderId: r.leaderId, leaderName: people.get(r.leaderId) ?? '',
      deadline: r.deadline, status: r.status, feedback: r.feedback, answeredAt: r.answeredAt?.toISOString() ?? null,
    }));
  }
}
