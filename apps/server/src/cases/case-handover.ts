import { TimelineEventType } from '@jws/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import { HandoverChange, HandoverHooks } from '../org';
import { CaseTimeline } from './case-timeline';
import { CaseTrailsRepository } from './data/case-trails.repository';

/**
 * 民警交接 moves open cases: when a community is handed to another officer, its open cases go with
 * it, in the handover's transaction. Each gets an internal timeline entry (交接) and the new officer
 * one notice per case, so the case's trail says who was told and when.
 */
@Injectable()
export class CaseHandover implements OnModuleInit {
  constructor(
    private readonly hooks: HandoverHooks,
    private readonly trails: CaseTrailsRepository,
    private readonly timeline: CaseTimeline,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(async (m, change) => {
      await this.moveOpenCases(m, change);
    });
  }

  /** Moves the community's open cases to the new officer; the ids moved. */
  async moveOpenCases(m: EntityManager, change: HandoverChange): Promise<number[]> {
    const open = (await this.trails.openOfCommunity(m, change.communityId)).filter((c) => c.officerId !== change.toOfficerId);
    if (!open.length) return [];
    const ids = open.map((c) => c.id);
    await this.trails.reassign(m, ids, change.toOfficerId, change.at);
    for (const c of open) {
      await this.timeline.append(m, c.id, {
        type: TimelineEventType.Reassigned, actor: { userId: change.by.userId, role: change.by.role }, isPublic: false,
        note: `${change.communityName}民警交接，本上报移交${change.toOfficerName}办理（${change.by.nickname}：${change.reason}）`, at: change.at,
      });
    }
    await this.notifications.notifyAll(m, open.map((c) => ({
      userIds: [change.toOfficerId],
      input: { title: `交接移交上报：${c.title}`, body: `${change.communityName}已交接给您，这件上报由您继续办理。`, caseId: c.id },
      dedupeKey: `case:${c.id}:reassigned:${change.toOfficerId}:${change.at.getTime()}`,
    })));
    return ids;
  }
}
