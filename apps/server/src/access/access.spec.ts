import { effectiveRoles, ErrorCode, Permission, permissionsOf, Role } from '@jws/contracts';
import type { AuditInput, AuditService } from '../audit';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import type { UserEntity } from '../identity';
import { scopeFor } from '../org/scope';
import { Access, allows, Facts, Rule } from './access';

const CITY = '/1/';
const caller = (id: number, role: Role, orgPath: string | null): Caller => {
  const roles = effectiveRoles(role, false);
  return {
    user: { id, role } as UserEntity,
    roles,
    permissions: permissionsOf(roles),
    scope: scopeFor({ id, role }, orgPath),
    ip: null,
    requestId: null,
  };
};

/** A case as the rule sees it: read by staff with 案件查看 in their jurisdiction, or by its reporter. */
const CASE_READ: Rule = [{ permission: Permission.CaseRead, within: 'jurisdiction' }, { relation: 'reporter' }];
const caseAt = (path: string, officerId: number, reporter = false): Facts => ({
  place: { path, officerId },
  relations: reporter ? ['reporter'] : [],
});

describe('the object-access rule', () => {
  it('refuses a case to the admin, whose jurisdiction covers the city but whose role may not read cases', () => {
    expect(allows(caller(1, Role.Admin, CITY), caseAt('/1/2/5/9/', 42), CASE_READ)).toBe(false);
    expect(allows(caller(2, Role.CityLeader, CITY), caseAt('/1/2/5/9/', 42), CASE_READ)).toBe(true);
  });

  it('lets staff read only inside their jurisdiction', () => {
    expect(allows(caller(3, Role.StationLeader, '/1/2/5/'), caseAt('/1/2/5/9/', 42), CASE_READ)).toBe(true);
    expect(allows(caller(3, Role.StationLeader, '/1/2/6/'), caseAt('/1/2/5/9/', 42), CASE_READ)).toBe(false);
    expect(allows(caller(42, Role.CommunityOfficer, '/1/2/5/'), caseAt('/1/2/5/9/', 42), CASE_READ)).toBe(true);
    expect(allows(caller(43, Role.CommunityOfficer, '/1/2/5/'), caseAt('/1/2/5/9/', 42), CASE_READ)).toBe(false);
  });

  it('lets a resident reach their own case by relation and no other', () => {
    expect(allows(caller(7, Role.Resident, null), caseAt('/1/2/5/9/', 42, true), CASE_READ)).toBe(true);
    expect(allows(caller(7, Role.Resident, null), caseAt('/1/2/5/9/', 42), CASE_READ)).toBe(false);
  });

  it('needs both the relation and the permission when a way names both', () => {
    const draft: Rule = [{ relation: 'assignee', permission: Permission.MediationMediate }];
    const room: Facts = { place: { path: '/1/2/5/9/', officerId: 42 }, relations: ['assignee'] };
    expect(allows(caller(8, Role.Mediator, null), room, draft)).toBe(true);
    expect(allows(caller(7, Role.Resident, null), room, draft)).toBe(false);
  });

  it('never lets an unplaced object through a jurisdiction way, only an anywhere way', () => {
    const admin = caller(1, Role.Admin, CITY);
    expect(allows(admin, { place: 'unplaced' }, [{ permission: Permission.OutboxAdmin, within: 'jurisdiction' }])).toBe(false);
    expect(allows(admin, { place: 'unplaced' }, [{ permission: Permission.OutboxAdmin, within: 'anywhere' }])).toBe(true);
    expect(allows(caller(2, Role.CityLeader, CITY), { place: 'unplaced' }, [{ permission: Permission.OutboxAdmin, within: 'anywhere' }])).toBe(false);
  });

  it('answers 404 with an audit entry for a refused or missing object', async () => {
    const entries: AuditInput[] = [];
    const audit = { recordFor: (_: Caller, input: AuditInput) => Promise.resolve(void entries.push(input)) } as unknown as AuditService;
    const access = new Access(audit);
    const admin = caller(1, Role.Admin, CITY);
    const notFound = expect.objectContaining<Partial<DomainException>>({ code: ErrorCode.NotFound });
    await expect(access.require(admin, { type: 'case', id: 5 }, { id: 5 }, () => caseAt('/1/2/', 9), CASE_READ)).rejects.toEqual(notFound);
    await expect(access.require(admin, { type: 'case', id: 6 }, null, () => caseAt('/1/2/', 9), CASE_READ)).rejects.toEqual(notFound);
    expect(entries).toEqual([
      { action: 'access.denied', targetType: 'case', targetId: 5, outcome: 'denied' },
      { action: 'access.denied', targetType: 'case', targetId: 6, outcome: 'denied' },
    ]);
    const leader = caller(2, Role.CityLeader, CITY);
    await expect(access.require(leader, { type: 'case', id: 5 }, { id: 5 }, () => caseAt('/1/2/', 9), CASE_READ)).resolves.toEqual({ id: 5 });
  });
});
