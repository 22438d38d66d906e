import { BulletinKind, Role } from '@jws/contracts';
import { ancestorPaths, onLine, reviewedKinds, reviews } from './bulletin-rules';

describe('who reviews and who pushes a bulletin', () => {
  it('puts a bulletin on the line of the units above and below its own', () => {
    expect(ancestorPaths('/1/2/4/')).toEqual(['/1/', '/1/2/', '/1/2/4/']);
    // 蚌山分局's 素材库 (/1/2/) reaches a 天桥 officer (/1/2/4/) and the city (/1/), not 怀远 (/1/3/6/).
    expect(onLine('/1/2/4/', '/1/2/')).toBe(true);
    expect(onLine('/1/', '/1/2/')).toBe(true);
    expect(onLine('/1/3/6/', '/1/2/')).toBe(false);
    expect(onLine('/1/2/5/', '/1/2/4/')).toBe(false);
  });

  it('sends 预警 to the 法治部门 of the author’s branch or the city, and 正气 to the station leader', () => {
    const legal = { roles: [Role.LegalReviewer] };
    expect(reviews(legal, '/1/2/', BulletinKind.Warning, '/1/2/4/')).toBe(true);
    expect(reviews(legal, '/1/', BulletinKind.Rumour, '/1/3/')).toBe(true);
    expect(reviews(legal, '/1/3/', BulletinKind.Warning, '/1/2/')).toBe(false);
    expect(reviews(legal, '/1/2/', BulletinKind.Positive, '/1/2/4/')).toBe(false);
    expect(reviews({ roles: [Role.StationLeader] }, '/1/2/4/', BulletinKind.Positive, '/1/2/4/')).toBe(true);
    expect(reviews({ roles: [Role.StationLeader] }, '/1/2/4/', BulletinKind.Warning, '/1/2/4/')).toBe(false);
    expect(reviewedKinds([Role.LegalReviewer]).sort()).toEqual([BulletinKind.LegalPublicity, BulletinKind.Rumour, BulletinKind.Warning].sort());
    expect(reviewedKinds([Role.CommunityOfficer])).toEqual([]);
  });
});
