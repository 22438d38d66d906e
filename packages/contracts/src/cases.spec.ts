import {
  actionsFrom, CASE_ACTION_PERMISSION, CASE_SUBCATEGORIES, CASE_TRANSITIONS, CaseAction, CaseKind, CaseStatus,
  nextStatus, TERMINAL_STATUSES,
} from './cases';
import { Permission, ROLE_PERMISSIONS } from './permissions';
import { Role } from './roles';

describe('case state machine', () => {
  it('runs the main path submitted → accepted → in_progress → resolved → closed', () => {
    let s = CaseStatus.Submitted;
    for (const action of [CaseAction.Accept, CaseAction.Start, CaseAction.Resolve, CaseAction.Confirm]) {
      const next = nextStatus(s, action);
      expect(next).not.toBeNull();
      s = next as CaseStatus;
    }
    expect(s).toBe(CaseStatus.Closed);
  });

  it('lets nothing leave a terminal status', () => {
    for (const status of TERMINAL_STATUSES) expect(actionsFrom(status)).toEqual([]);
  });

  it('refuses a resolution before the case was accepted, and a reopen of a closed case', () => {
    expect(nextStatus(CaseStatus.Submitted, CaseAction.Resolve)).toBeNull();
    expect(nextStatus(CaseStatus.Closed, CaseAction.Reopen)).toBeNull();
  });

  it('brings a reopened or transferred case back through acceptance', () => {
    expect(nextStatus(CaseStatus.Resolved, CaseAction.Reopen)).toBe(CaseStatus.Reopened);
    expect(nextStatus(CaseStatus.Reopened, CaseAction.Accept)).toBe(CaseStatus.Accepted);
    expect(nextStatus(CaseStatus.Transferred, CaseAction.Accept)).toBe(CaseStatus.Accepted);
  });

  it('reaches every status from submitted', () => {
    const seen = new Set<CaseStatus>([CaseStatus.Submitted]);
    const queue = [CaseStatus.Submitted];
    while (queue.length) {
      const s = queue.shift() as CaseStatus;
      for (const a of actionsFrom(s)) {
        const t = CASE_TRANSITIONS[a].to;
        if (!seen.has(t)) {
          seen.add(t);
          queue.push(t);
        }
      }
    }
    expect([...seen].sort()).toEqual(Object.values(CaseStatus).sort());
  });

  it('leaves handling to police and confirmation to the reporter', () => {
    expect(CASE_ACTION_PERMISSION[CaseAction.Resolve]).toBe(Permission.CaseHandle);
    expect(CASE_ACTION_PERMISSION[CaseAction.Confirm]).toBe('reporter');
    expect(ROLE_PERMISSIONS[Role.Resident]).not.toContain(Permission.CaseHandle);
    expect(ROLE_PERMISSIONS[Role.CommunityOfficer]).toContain(Permission.CaseHandle);
  });

  it('gives every kind at least one subcategory with unique codes', () => {
    for (const kind of Object.values(CaseKind)) {
      const codes = CASE_SUBCATEGORIES[kind].map((s) => s.code);
      expect(codes.length).toBeGreaterThan(0);
      expect(new Set(codes).size).toBe(codes.length);
    }
  });
});
