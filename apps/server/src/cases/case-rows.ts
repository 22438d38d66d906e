import { Anonymity, CaseKind, CaseStatus, ContactPreference, EscalationLevel, Role, TimelineEventType } from '@jws/contracts';
import { parseDbDate } from '../common/db-date';
import { FieldCipher } from '../personal-data/field-cipher';
import { CaseDeadlineEntity, DeadlineKind } from './case-deadline.entity';
import { CaseEventEntity } from './data/case-event.entity';
import { CaseEntity } from './case.entity';
import { caseNumber } from './case-number';

/**
 * Raw rows of the case tables read into their entities, for the hand-written SELECTs of the case
 * page (common/sql.ts): the same values TypeORM would hydrate, without its per-row metadata work.
 * Column lists are alias-qualified so they can be joined.
 */
export const CASE_COLUMNS = [
  'id', 'kind', 'subcategory', 'title', 'description', 'community_id', 'org_path', 'officer_id', 'reporter_id',
  'reporter_key', 'status', 'anonymity', 'contact_preference', 'address_text', 'latitude', 'longitude', 'occurred_at',
  'other_party_enc', 'serious_risk', 'held_for_review', 'next_due_at', 'escalation', 'duplicate_of_id', 'rating',
  'rating_comment', 'urged_at', 'resolved_at', 'closed_at', 'created_at', 'updated_at', 'version',
]
  .map((c) => `c.${c}`)
  .join(', ');

export const EVENT_COLUMNS = 'e.id, e.case_id, e.type, e.from_status, e.to_status, e.actor_id, e.actor_role, e.is_public, e.note, e.at';
export const DEADLINE_COLUMNS = 'd.id, d.case_id, d.kind, d.due_at, d.met_at, d.escalation, d.next_check_at, d.lease_owner, d.lease_until';

type Row = Record<string, unknown>;

const int = (v: unknown) => (v == null ? null : Number(v));
const text = (v: unknown) => (v == null ? null : String(v));
const bool = (v: unknown) => Boolean(Number(v));
const decrypt = (v: unknown) => (v == null ? null : FieldCipher.decrypt(String(v)));

export function caseFromRow(r: Row): CaseEntity {
  const id = Number(r.id);
  const createdAt = parseDbDate(r.created_at) as Date;
  return Object.assign(new CaseEntity(), {
    id,
    number: caseNumber(createdAt, id),
    kind: r.kind as CaseKind,
    subcategory: String(r.subcategory),
    title: String(r.title),
    description: String(r.description),
    communityId: Number(r.community_id),
    orgPath: String(r.org_path),
    officerId: int(r.officer_id),
    reporterId: int(r.reporter_id),
    reporterKey: String(r.reporter_key),
    status: r.status as CaseStatus,
    anonymity: r.anonymity as Anonymity,
    contactPreference: r.contact_preference as ContactPreference,
    addressText: text(r.address_text),
    latitude: r.latitude == null ? null : Number(r.latitude),
    longitude: r.longitude == null ? null : Number(r.longitude),
    occurredAt: parseDbDate(r.occurred_at),
    otherParty: decrypt(r.other_party_enc),
    seriousRisk: bool(r.serious_risk),
    heldForReview: bool(r.held_for_review),
    nextDueAt: parseDbDate(r.next_due_at),
    escalation: Number(r.escalation) as EscalationLevel,
    duplicateOfId: int(r.duplicate_of_id),
    rating: int(r.rating),
    ratingComment: text(r.rating_comment),
    urgedAt: parseDbDate(r.urged_at),
    resolvedAt: parseDbDate(r.resolved_at),
    closedAt: parseDbDate(r.closed_at),
    createdAt,
    updatedAt: parseDbDate(r.updated_at) as Date,
    version: Number(r.version),
  });
}

export function eventFromRow(r: Row): CaseEventEntity {
  return Object.assign(new CaseEventEntity(), {
    id: Number(r.id),
    caseId: Number(r.case_id),
    type: r.type as TimelineEventType,
    fromStatus: (r.from_status ?? null) as CaseStatus | null,
    toStatus: (r.to_status ?? null) as CaseStatus | null,
    actorId: int(r.actor_id),
    actorRole: (r.actor_role ?? null) as Role | null,
    isPublic: bool(r.is_public),
    note: text(r.note),
    at: parseDbDate(r.at) as Date,
  });
}

export function deadlineFromRow(r: Row): CaseDeadlineEntity {
  return Object.assign(new CaseDeadlineEntity(), {
    id: Number(r.id),
    caseId: Number(r.case_id),
    kind: r.kind as DeadlineKind,
    dueAt: parseDbDate(r.due_at) as Date,
    metAt: parseDbDate(r.met_at),
    escalation: Number(r.escalation) as EscalationLevel,
    nextCheckAt: parseDbDate(r.next_check_at),
    leaseOwner: text(r.lease_owner),
    leaseUntil: parseDbDate(r.lease_until),
  });
}
