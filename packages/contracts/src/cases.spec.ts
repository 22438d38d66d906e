import {
  computeDeadlines, deadlineCountdown, DEFAULT_CASE_DEADLINES,
  actionsFrom, CASE_ACTION_PERMISSION, CASE_SUBCATEGORIES, CASE_TRANSITIONS, CaseAction, CaseKind, CaseStatus,
  nextStatus, TERMINAL_STATUSES,
} from './cases';
import { wechatSendErrorHint } from './cases-api';
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

/** Every (status, action) pair: allowed exactly where the table says, refused everywhere else. */
const ALLOWED: Record<CaseStatus, CaseAction[]> = {
  [CaseStatus.Submitted]: [CaseAction.Accept, CaseAction.Reject, CaseAction.MarkDuplicate, CaseAction.Transfer],
  [CaseStatus.Accepted]: [CaseAction.Start, CaseAction.Resolve, CaseAction.MarkDuplicate, CaseAction.Transfer, CaseAction.Refer, CaseAction.Mediate],
  [CaseStatus.InProgress]: [CaseAction.Resolve, CaseAction.Transfer, CaseAction.Refer, CaseAction.Mediate],
  [CaseStatus.Resolved]: [CaseAction.Confirm, CaseAction.Reopen, CaseAction.AutoClose],
  [CaseStatus.Closed]: [],
  [CaseStatus.Rejected]: [],
  [CaseStatus.Duplicate]: [],
  [CaseStatus.Transferred]: [CaseAction.Accept, CaseAction.Reject, CaseAction.MarkDuplicate],
  [CaseStatus.Referred]: [CaseAction.Start, CaseAction.Resolve, CaseAction.ReturnFromReferral],
  [CaseStatus.InMediation]: [CaseAction.Start, CaseAction.Resolve],
  [CaseStatus.Reopened]: [CaseAction.Accept, CaseAction.Transfer],
};

describe('every transition', () => {
  const pairs = Object.values(CaseStatus).flatMap((status) => Object.values(CaseAction).map((action) => [status, action] as const));
  it.each(pairs)('from %s, %s is allowed only if listed', (status, action) => {
    const allowed = ALLOWED[status].includes(action);
    expect(nextStatus(status, action) !== null).toBe(allowed);
    if (allowed) expect(nextStatus(status, action)).toBe(CASE_TRANSITIONS[action].to);
  });
});

describe('deadline computation', () => {
  const at = new Date('2026-11-24T23:50:00+08:00');

  it('gives a dispute 30 minutes for the first response, counted through the night', () => {
    const [first, resolution] = computeDeadlines(CaseKind.Dispute, at);
    expect(first).toEqual({ kind: 'first_response', dueAt: new Date('2026-11-25T00:20:00+08:00') });
    expect(resolution.dueAt.getTime() - at.getTime()).toBe(DEFAULT_CASE_DEADLINES[CaseKind.Dispute].resolutionMinutes * 60_000);
  });

  it('counts weekends and holidays as calendar time', () => {
    const saturday = new Date('2026-11-28T10:00:00+08:00');
    const [, resolution] = computeDeadlines(CaseKind.Hazard, saturday);
    expect(resolution.dueAt.toISOString()).toBe(new Date('2026-11-30T10:00:00+08:00').toISOString());
  });

  it('uses a configured table over the defaults', () => {
    const custom = { ...DEFAULT_CASE_DEADLINES, [CaseKind.Question]: { firstResponseMinutes: 5, resolutionMinutes: 60 } };
    const [first, resolution] = computeDeadlines(CaseKind.Question, at, custom);
    expect(first.dueAt.getTime() - at.getTime()).toBe(5 * 60_000);
    expect(resolution.dueAt.getTime() - at.getTime()).toBe(60 * 60_000);
  });
});

describe('deadline countdown', () => {
  const now = new Date('2026-12-03T04:00:00Z');
  const at = (minutes: number, seconds = 0) => new Date(now.getTime() + minutes * 60_000 + seconds * 1000).toISOString();

  it('says how long is left in the largest units that matter, never more than there is', () => {
    expect(deadlineCountdown(at(29, 59), now)).toBe('还剩 29 分钟');
    expect(deadlineCountdown(at(0, 30), now)).toBe('不足 1 分钟');
    expect(deadlineCountdown(at(60), now)).toBe('还剩 1 小时');
    expect(deadlineCountdown(at(185), now)).toBe('还剩 3 小时 5 分');
    expect(deadlineCountdown(at(7 * 1440 - 1), now)).toBe('还剩 6 天 23 小时');
    expect(deadlineCountdown(at(2 * 1440), now)).toBe('还剩 2 天');
  });

  it('says how long a deadline is overdue', () => {
    expect(deadlineCountdown(at(0, -20), now)).toBe('刚刚超时');
    expect(deadlineCountdown(at(-40), now)).toBe('已超时 40 分钟');
    expect(deadlineCountdown(at(-(26 * 60 + 10)), now)).toBe('已超时 1 天 2 小时');
  });
});

describe('dead letter hints', () => {
  it('explains a known WeChat errcode and says nothing of an unknown one or of no error', () => {
    expect(wechatSendErrorHint('errcode 43101: user refuse to accept the msg rid: x')).toBe('用户未订阅或订阅次数已用完');
    expect(wechatSendErrorHint('errcode 99999: something new')).toBeNull();
    expect(wechatSendErrorHint('connect ECONNREFUSED')).toBeNull();
    expect(wechatSendErrorHint(null)).toBeNull();
  });
});
