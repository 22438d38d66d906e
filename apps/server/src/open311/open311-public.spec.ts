import { CaseKind, CaseStatus } from '@jws/contracts';
import { isPubliclyListed, publicDetailOf, roundCoordinate, SERVICE_CATALOG, toPublicRequest, type PublicCaseInput } from './open311-public';

const input = (over: Partial<PublicCaseInput> = {}): PublicCaseInput => ({
  number: '20261124-000001', kind: CaseKind.Hazard, subcategory: 'fire', status: CaseStatus.Submitted,
  latitude: 32.917345, longitude: 117.389812, createdAt: new Date('2026-11-24T08:00:00Z'), updatedAt: new Date('2026-11-24T09:00:00Z'),
  communityName: '胜利社区', stationName: '天桥派出所', resolutionDueAt: new Date('2026-11-26T08:00:00Z'), ...over,
});

describe('open311 public view', () => {
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

  it('publishes a hazard’s category and a rounded point, and the community as its address', () => {
    const view = toPublicRequest(input());
    expect(view).toMatchObject({ description: '安全隐患·消防隐患', lat: 32.917, long: 117.39, address: '胜利社区', status: 'open', status_notes: '已提交' });
    expect(view.expected_datetime).toBe('2026-11-26T08:00:00.000Z');
  });

  it('gives only the category for disputes, and no point for family disputes, service needs and questions', () => {
    expect(publicDetailOf(CaseKind.Dispute, 'neighbour')).toBe('point');
    expect(toPublicRequest(input({ kind: CaseKind.Dispute, subcategory: 'neighbour' })).description).toBe('矛盾纠纷·邻里纠纷');
    for (const [kind, sub] of [[CaseKind.Dispute, 'family'], [CaseKind.ServiceNeed, 'help'], [CaseKind.Question, 'policy']] as const) {
      const view = toPublicRequest(input({ kind, subcategory: sub }));
      expect(view).not.toHaveProperty('lat');
      expect(view).not.toHaveProperty('long');
    }
  });

  it('even if a lead were ever passed in, shows nothing but its category', () => {
    const view = toPublicRequest(input({ kind: CaseKind.CrimeLead, subcategory: 'gambling' }));
    expect(view.description).toBe('违法犯罪线索·赌博');
    expect(view).not.toHaveProperty('lat');
  });

  it('closes closed, rejected and duplicate cases, without an expected time', () => {
    for (const status of [CaseStatus.Closed, CaseStatus.Rejected, CaseStatus.Duplicate]) {
      expect(toPublicRequest(input({ status }))).toMatchObject({ status: 'closed', expected_datetime: null });
    }
    expect(toPublicRequest(input({ status: CaseStatus.Resolved })).status).toBe('open');
  });
});
