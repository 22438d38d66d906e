import { Injectable } from '@nestjs/common';
import type { Scope } from './scope';
import { GroupPlaceRow, GroupsRepository } from './data/groups.repository';

export type GroupPlace = GroupPlaceRow;

/**
 * What other features read about groups and org units (the bulletins feature pushes into groups
 * and shows members their groups' bulletins). Lookups only: access decisions stay with the caller,
 * through Access.require, using each group's place.
 */
@Injectable()
export class GroupsApi {
  constructor(private readonly groups: GroupsRepository) {}

  /** Groups by id with their place; unknown ids are left out. */
  byIds(ids: readonly number[]): Promise<GroupPlace[]> {
    return this.groups.byIds(ids);
  }

  /** The groups a jurisdiction scope covers (an officer's own communities' groups and the enterprise groups they own). */
  inScope(scope: Scope): Promise<GroupPlace[]> {
    return this.groups.inScope(scope);
  }

  /** The groups a person belongs to (active memberships). */
  groupIdsOfMember(userId: number): Promise<number[]> {
    return this.groups.idsOfMember(userId);
  }

  /** Active members per group (members reached by a push). */
  memberCounts(groupIds: readonly number[]): Promise<Map<number, number>> {
    return this.groups.memberCounts(groupIds);
  }

  /** Of `userIds`, how many are active members of each group (a bulletin's readers per group). */
  membersAmong(groupIds: readonly number[], userIds: readonly number[]): Promise<Map<number, number>> {
    return this.groups.membersAmong(groupIds, userIds);
  }

  /** An org unit's name and materialised path. */
  unit(id: number): Promise<{ id: number; name: string; path: string } | null> {
    return this.groups.unit(id);
  }
}
