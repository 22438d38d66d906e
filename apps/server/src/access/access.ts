import { ErrorCode, Permission } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '../audit';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { communityInScope, Scope } from '../org/scope';

/**
 * The one object-access rule (对象访问规则). Every read or write of an object whose id a client
 * sends goes through `Access.require`: the object is allowed when one of the rule's ways holds,
 * each way combining
 *   (a) a role permission from the contracts map (ROLE_PERMISSIONS),
 *   (b) the caller's jurisdiction covering the object, and/or
 *   (c) the caller's relation to the object (member, party, reporter, assignee, owner).
 * Anything else — the object missing included — answers 404 and leaves an audit entry, so an id
 * from elsewhere reveals nothing.
 */

/** How a caller stands to an object, besides jurisdiction. */
export type Relation =
  /** 上报人: who reported the case. */
  | 'reporter'
  /** A member of the community or the mediation room. */
  | 'member'
  /** 当事人: a party to the dispute or mediation. */
  | 'party'
  /** Whom the object is given to: the responsible officer, the room's mediator, a referral's department staff. */
  | 'assignee'
  /** Whose own it is: an upload, one's own membership or notification; a bulletin's author. */
  | 'owner'
  /** A bulletin of the caller's line (素材库): written at the caller's org unit, above it or under it (bulletins). */
  | 'library';

/** Where an object lies in the jurisdiction tree (管辖): its org path and its responsible officer. */
export interface Place {
  path: string;
  officerId: number | null;
}

/** What a lookup found about an object, as the asking caller stands to it. */
export interface Facts {
  /** Its place; 'unplaced' for what belongs to no jurisdiction (catalogue entries, outbox rows). */
  place: Place | 'unplaced';
  /** The caller's relations to it. */
  relations?: Iterable<Relation>;
}

/**
 * One way to be allowed. Staff ways name a permission and where it applies: within the caller's
 * jurisdiction, or anywhere (admin catalogue work). Relation ways may add a permission the role
 * must also hold (a mediator who is the room's assignee and may mediate).
 */
export type Way =
  | { permission: Permission; within: 'jurisdiction' | 'anywhere'; relation?: Relation }
  | { relation: Relation; permission?: Permission };

/** The ways an operation may be allowed; none holding means refused. */
export type Rule = readonly Way[];

/** What the refusal's audit entry names: the kind of object and the id the client sent. */
export interface Target {
  type: string;
  id: string | number;
}

/** Whether a jurisdiction scope covers a place: the same condition the list queries put into SQL. */
export function covers(scope: Scope, place: Place | 'unplaced'): boolean {
  return place !== 'unplaced' && communityInScope(scope, place);
}

/** The decision alone, without audit: whether one of the rule's ways holds for this caller. */
export function allows(caller: Pick<Caller, 'permissions' | 'scope'>, facts: Facts, rule: Rule): boolean {
  const relations = new Set(facts.relations ?? []);
  return rule.some((way) => {
    if (way.permission !== undefined && !caller.permissions.has(way.permission)) return false;
    if (way.relation !== undefined && !relations.has(way.relation)) return false;
    if ('within' in way && way.within === 'jurisdiction' && !covers(caller.scope, facts.place)) return false;
    return true;
  });
}

@Injectable()
export class Access {
  constructor(private readonly audit: AuditService) {}

  /**
   * The object when the caller may do the operation `rule` describes; otherwise (missing object
   * included) a 404 after an audit entry. `facts` reads the caller's standing to the object found.
   */
  async require<T>(caller: Caller, target: Target, found: T | null | undefined, facts: (found: T) => Facts, rule: Rule): Promise<T> {
    if (found === null || found === undefined || !allows(caller, facts(found), rule)) return this.refuse(caller, target);
    return found;
  }

  /** Refuses as for an object that does not exist, on record. Outside any transaction, so the entry outlives a rollback. */
  async refuse(caller: Caller, target: Target): Promise<never> {
    await this.audit.recordFor(caller, { action: AuditAction.AccessDenied, targetType: target.type, targetId: target.id, outcome: 'denied' });
    throw new DomainException(ErrorCode.NotFound);
  }

  /** A staff read of someone's personal data, on record against that person (谁看过这个人的信息). */
  async recordPersonalRead(caller: Caller, subject: Target, detail: string, manager?: EntityManager): Promise<void> {
    await this.audit.recordFor(caller, { action: AuditAction.PersonalDataRead, targetType: subject.type, targetId: subject.id, detail }, manager);
  }
}
