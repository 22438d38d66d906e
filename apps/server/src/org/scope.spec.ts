import { Role } from '@jws/contracts';
import { communityInScope, scopeFor } from './scope';

const community = { path: '/1/2/5/9/', officerId: 42 };

describe('jurisdiction scope', () => {
  it('lets a station leader see communities under their station only', () => {
    expect(communityInScope(scopeFor({ id: 1, role: Role.StationLeader }, '/1/2/5/'), community)).toBe(true);
    expect(communityInScope(scopeFor({ id: 1, role: Role.StationLeader }, '/1/2/6/'), community)).toBe(false);
  });

  it('does not confuse sibling ids sharing a prefix (/1/2/5/ vs /1/2/55/)', () => {
    expect(communityInScope({ kind: 'subtree', pathPrefix: '/1/2/55/' }, community)).toBe(false);
  });

  it('lets a community officer see only the communities they are responsible for', () => {
    expect(communityInScope(scopeFor({ id: 42, role: Role.CommunityOfficer }, '/1/2/5/'), community)).toBe(true);
    expect(communityInScope(scopeFor({ id: 43, role: Role.CommunityOfficer }, '/1/2/5/'), community)).toBe(false);
  });

  it('gives residents, mediators and department staff no community records', () => {
    for (const role of [Role.Resident, Role.Mediator, Role.DepartmentStaff, Role.LegalReviewer]) {
      expect(communityInScope(scopeFor({ id: 7, role }, '/1/'), community)).toBe(false);
    }
  });

  it('gives a leader without an org unit nothing rather than everything', () => {
    expect(scopeFor({ id: 1, role: Role.CityLeader }, null)).toEqual({ kind: 'none' });
  });
});
