import { CaseKind, CaseStatus } from '@jws/contracts';
import { isPubliclyListed, publicDetailOf, redactText, roundCoordinate, SERVICE_CATALOG, toPublicRequest, type PublicCaseInput } from './open311-public';

const input = (over: Partial<PublicCaseInput> = {}): PublicCaseInput => ({
  number: '20261124-000001', kind: CaseKind.Hazard, subcategory: 'fire', title: '楼道堆放杂物', status: CaseStatus.Submitted,
  latitude: 32.917345, longitude: 117.389812, createdAt: new Date('2026-11-24T08:00:00Z'), updatedAt: new Date('2026-11-24T09:00:00Z'),
  communityName: '胜利社区', stationName: '天桥派出所', resolutionDueAt: new Date('2026-11-26T08:00:00Z'), namesToMask: [], ...over,
});

describe('open311 public view', () => {
  it('masks digit runs, e-mail addresses and given names, keeping short numbers', () => {
    expect(redactText('602室门口 电话139 1234 5678，3栋旁', [])).toBe('***室门口 电话***，3栋旁');
    expect(redactText('联系 a.b@example.com 张阿姨', ['张阿姨', null, ' '])).toBe('联系 *** ***');
    expect(redactText('身份证34030219900101123X', [])).toBe('身份证***X');
    expect(redactText('１２３号楼', [])).toBe('***号楼');
  });

  it('rounds points to three decimals (~100 m)', () => {
    expect(roundCoordinate(32.917345)).toBe(32.917);
    expect(roundCoordinate(null)).toBeNull();
    expect(roundCoordinate(Number.NaN)).toBeNull();
  });

  it('lists only disputes, hazards, service needs and questions that are not held for review', () => {
    expect(isPubliclyListed({ kind: CaseKind.Dispute, heldForReview: false })).toBe(true);
    expect(isPubliclyListed({ kind: CaseKind.Dispute, heldForReview: true })).toBe(false);
    expect(isPubliclyListed({ kind: CaseKind.CrimeLead, heldForReview: false })).toBe(false);
    expect(isPubliclyListed({ kind: CaseKind.Anomaly, heldForReview: false })).toBe(false);
    expect(SERVICE_CATALOG.filter((s) => s.open).every((s) => isPubliclyListed({ kind: s.kind, heldForReview: false }))).toBe(true);
  });

  it('publishes a hazard’s masked title and a rounded point, never the free-text address', () => {
    const view = toPublicRequest(input({ title: '602门口堆放杂物', namesToMask: ['张阿姨'] }));
    expect(view).toMatchObject({ description: '***门口堆放杂物', lat: 32.917, long: 117.39, address: '胜利社区', status: 'open', status_notes: '已提交' });
    expect(view.expected_datetime).toBe('2026-11-26T08:00:00.000Z');
  });

  it('gives only the category for disputes, and no point for family disputes, service needs and questions', () => {
    expect(publicDetailOf(CaseKind.Dispute, 'neighbour')).toBe('point');
    expect(toPublicRequest(input({ kind: CaseKind.Dispute, subcategory: 'neighbour', title: '张三家吵架' })).description).toBe('矛盾纠纷·邻里纠纷');
    for (const [kind, sub] of [[CaseKind.Dispute, 'family'], [CaseKind.ServiceNeed, 'help'], [CaseKind.Question, 'policy']] as const) {
      const view = toPublicRequest(input({ kind, subcategory: sub, title: '私事' }));
      expect(view).not.toHaveProperty('lat');
      expect(view).not.toHaveProperty('long');
      expect(view.description).not.toContain('私事');
    }
  });

  it('even if a lead were ever passed in, shows nothing but its category', () => {
    const view = toPublicRequest(input({ kind: CaseKind.CrimeLead, subcategory: 'gambling', title: '9栋赌博' }));
    expect(view.description).toBe('违法犯罪线索·赌博');
    expect(view).not.toHaveProperty('lat');
    expect(JSON.stringify(view)).not.toContain('9栋');
  });

  it('closes closed, rejected and duplicate cases, without an expected time', () => {
    for (const status of [CaseStatus.Closed, CaseStatus.Rejected, CaseStatus.Duplicate]) {
      expect(toPublicRequest(input({ status }))).toMatchObject({ status: 'closed', expected_datetime: null });
    }
    expect(toPublicRequest(input({ status: CaseStatus.Resolved })).status).toBe('open');
  });
});
