import { CaseStatus, EscalationLevel } from './cases';
import { Role } from './roles';
import { isUrgeable, supervisedLevels } from './supervision';

describe('督办 list levels', () => {
  it('shows a station leader both 派出所督办 and 分局催办, branch and city leaders 分局催办 only', () => {
    expect(supervisedLevels(Role.StationLeader)).toEqual([EscalationLevel.StationSupervising, EscalationLevel.BranchUrging]);
    expect(supervisedLevels(Role.BranchLeader)).toEqual([EscalationLevel.BranchUrging]);
    expect(supervisedLevels(Role.CityLeader)).toEqual([EscalationLevel.BranchUrging]);
  });

  it('gives officers and everyone else no 督办 list', () => {
    for (const role of [Role.CommunityOfficer, Role.Resident, Role.Admin, Role.Mediator]) expect(supervisedLevels(role)).toEqual([]);
  });
});

describe('催办', () => {
  it('is for cases still being handled, not for resolved or finished ones', () => {
    for (const s of [CaseStatus.Submitted, CaseStatus.Accepted, CaseStatus.InProgress, CaseStatus.Referred, CaseStatus.InMediation, CaseStatus.Reopened]) {
      expect(isUrgeable(s)).toBe(true);
    }
    for (const s of [CaseStatus.Resolved, CaseStatus.Closed, CaseStatus.Rejected, CaseStatus.Duplicate]) expect(isUrgeable(s)).toBe(false);
  });
});
