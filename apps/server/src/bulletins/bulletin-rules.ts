import { BULLETIN_REVIEW, BulletinKind, BulletinReviewer, BulletinStatus, Permission, REVIEWER_ROLE, Role } from '@jws/contracts';
import type { Facts, Relation, Rule } from '../access/access';
import type { Caller } from '../common/request-context';
import type { BulletinEntity } from './data/bulletin.entity';

/**
 * Who may do what with a bulletin (docs/bulletins.md), as Access rules. A caller's relations to a
 * bulletin: `owner` (its author), `assignee` (its reviewer: the kind's reviewing role at the
 * author's org unit or above), `library` (an approved bulletin on the caller's line: written at
 * their unit, above it or under it) and `member` (pushed into one of their groups).
 */
export const READ_RULE: Rule = [
  { relation: 'owner' },
  { relation: 'assignee', permission: Permission.BulletinReview },
  { relation: 'library', permission: Permission.BulletinPush },
  { relation: 'member' },
  { permission: Permission.BulletinWithdraw, within: 'jurisdiction' },
];
export const EDIT_RULE: Rule = [{ relation: 'owner', permission: Permission.BulletinWrite }];
export const REVIEW_RULE: Rule = [{ relation: 'assignee', permission: Permission.BulletinReview }];
export const WITHDRAW_RULE: Rule = [{ relation: 'owner' }, { permission: Permission.BulletinWithdraw, within: 'jurisdiction' }];
/** Police push what is approved on their line; an author who pushes is told why their own unapproved one cannot go. */
export const PUSH_RULE: Rule = [{ relation: 'library', permission: Permission.BulletinPush }, { relation: 'owner', permission: Permission.BulletinPush }];
/** A group takes pushes from police whose jurisdiction covers it (its community's officer, the enterprise group's owner, leaders above). */
export const GROUP_PUSH_RULE: Rule = [{ permission: Permission.BulletinPush, within: 'jurisdiction' }];

/** `/1/2/4/` → `/1/`, `/1/2/`, `/1/2/4/`. */
export function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** Whether two org paths lie on one line of the tree (one holds the other). */
export function onLine(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * Who reviews a kind when it goes to review: its setting, or, for a kind set to `none`, the 法治部门
 * (such a bulletin only goes to review when WeChat's content check did not clearly pass it).
 */
export function reviewerOf(kind: BulletinKind): Exclude<BulletinReviewer, 'none'> {
  const reviewer = BULLETIN_REVIEW[kind];
  return reviewer === 'none' ? 'legal' : reviewer;
}

/** Whether the caller reviews this kind at the author's unit: the kind's reviewing role, at the bulletin's org unit or above. */
export function reviews(caller: Pick<Caller, 'roles'>, unitPath: string | null, kind: BulletinKind, orgPath: string): boolean {
  return unitPath !== null && caller.roles.includes(REVIEWER_ROLE[reviewerOf(kind)]) && orgPath.startsWith(unitPath);
}

/** The kinds a caller's roles review. */
export function reviewedKinds(roles: readonly Role[]): BulletinKind[] {
  return Object.values(BulletinKind).filter((k) => roles.includes(REVIEWER_ROLE[reviewerOf(k)]));
}

/** The caller's standing to a bulletin, for Access.require. `member` is decided by the caller (it needs the pushes). */
export function bulletinFacts(caller: Caller, unitPath: string | null, b: BulletinEntity, member: boolean): Facts {
  const relations: Relation[] = [];
  if (b.authorId === caller.user.id) relations.push('owner');
  if (reviews(caller, unitPath, b.kind, b.orgPath)) relations.push('assignee');
  if (unitPath && b.approvedVersionId !== null && onLine(unitPath, b.orgPath)) relations.push('library');
  if (member) relations.push('member');
  return { place: { path: b.orgPath, officerId: null }, relations };
}

/** Statuses an author may edit from (an edit makes a new version; a pushed version stays as it was). */
export const EDITABLE: readonly BulletinStatus[] = [BulletinStatus.Draft, BulletinStatus.Returned, BulletinStatus.Approved, BulletinStatus.Held];
export const SUBMITTABLE: readonly BulletinStatus[] = [BulletinStatus.Draft, BulletinStatus.Returned, BulletinStatus.Held];
export const WITHDRAWABLE: readonly BulletinStatus[] = [
  BulletinStatus.Draft, BulletinStatus.PendingReview, BulletinStatus.Returned, BulletinStatus.Approved, BulletinStatus.Held,
];
