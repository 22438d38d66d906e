import { Anonymity, CaseAction, CaseKind, ContactPreference, MessageKind, Role } from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { bearer, TestApp } from '../test-app';
import { CALLERS, CallerName } from './expected';
import { addRewards } from './world-rewards';

/**
 * The objects the authorization matrix names, on two sides of the city: HOME under 天桥派出所
 * (蚌山分局; 胜利社区, officer1) and AWAY under 城关派出所 (怀远县公安局; 禹王社区, officer3). Each
 * side has the same kinds of object, made through the real API, so a caller's own ids and ids from
 * another jurisdiction are asked in the same way.
 */
export interface Side {
  name: 'home' | 'away';
  stationId: number;
  communityId: number;
  /** A community of the side with no cases, handed over in the matrix (民警交接). */
  handoverCommunityId: number;
  /** The officer it is handed to: another officer of the same station (or the same one). */
  handoverOfficerId: number;
  /** The reporter's active membership (its phone number is revealed) and a pending join request. */
  membershipId: number;
  pendingMembershipId: number;
  /** A resident member, no caller of the matrix, whose informant flag is set (to what it already is). */
  memberUserId: number;
  inviteCode: string;
  /** A dispute with a photo, accepted, with an open mediation room. */
  caseId: number;
  photoId: string;
  roomId: number;
  /** The reporter's message in the room and an image sent there. */
  messageSeq: number;
  roomImageId: string;
  /** The room's respondent member id (caucus, invitations). */
  respondentMemberId: number;
  /** The mediator's 背靠背 (caucus) with the respondent: theirs alone. */
  caucusRoomId: number;
  /** The agreement drafted in the room. */
  agreementId: number;
  /** A second accepted case referred to a department, and the referral. */
  referredCaseId: number;
  referralId: number;
  /** A service case from 办事指引 (请民警协助). */
  serviceCaseId: number;
  /** A sealed informant report (匿名信息员). */
  sealedCaseId: number;
  /** A 警民联调室 made for the matrix (retired in it), and the station's seeded one with its slots. */
  offlineRoomId: number;
  slotRoomId: number;
  slotId: number;
  /** Tokens of the side's officer and station leader, who make fresh objects. */
  officerToken: string;
  leaderToken: string;
  /** The side's mediator, for opening rooms. */
  mediatorUserId: number;
  /** A dispute accepted but without a room yet (opening a room, asking for mediation). */
  roomlessCaseId: number;
  /**
   * An approved bulletin pushed into the side's community group (胜利社区 / 禹王社区): HOME a 预警 of
   * 蚌山分局's 素材库 by department_staff1, approved by legal_reviewer1; AWAY a 正气 of 城关派出所 by
   * officer3, approved by station_leader2.
   */
  bulletinId: number;
  /** The bulletin's image (an upload of its author's). */
  bulletinImageId: string;
  groupId: number;
  /** A rumour report (传言) the side's officer made in its community group, with a screenshot. */
  rumourReportId: number;
  /** This week's review of the side's station (会商调度) with one decision owned by the side's officer, and a 重大问题 it raised. */
  reviewId: number;
  followUpId: number;
  majorIssueId: number;
  /** A WeChat group (openGId) pending binding, placed by the side's officer's share card (officer1 / officer3). */
  wechatGroupId: number;
  /** An approved 一事一奖 for the side's case (proposed by its officer, approved by its station leader): authz/world-rewards.ts. */
  rewardId: number;
}

export interface World {
  tokens: Record<Exclude<CallerName, 'anonymous'>, string>;
  home: Side;
  away: Side;
  /** Unplaced objects: the catalogue, the outbox, Open311. */
  matterCode: string;
  referralTargetId: number;
  outboxId: number;
  open311Id: string;
  open311Token: string;
  /** Each caller's own newest notification (if any) and someone else's. */
  notificationOf: Partial<Record<CallerName, number>>;
  userIds: Record<string, number>;
  /** Objects made afresh for operations that use theirs up. */
  fresh: { invite(side: Side): Promise<string>; slot(side: Side): Promise<number>; staffInvitation(side: Side): Promise<number> };
}

const png = () => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 180, g: 60, b: 40 } } }).png().toBuffer();

export async function buildWorld(t: TestApp): Promise<World> {
  const tokens = {} as World['tokens'];
  for (const who of CALLERS) if (who !== 'anonymous') tokens[who] = await t.login(who);

  const call = async (method: 'get' | 'post' | 'put', path: string, token: string, body?: object, status = [200, 201]) => {
    let req = t.http[method](path).set(bearer(token));
    if (method === 'post' && /^\/api\/(cases$|service-guide\/)/.test(path)) req = req.set('Idempotency-Key', randomUUID());
    const res = body === undefined ? await req : await req.send(body);
    if (!status.includes(res.status)) throw new Error(`world: ${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const wechatUser = async (openid: string) => {
    const res = await t.http.post('/api/auth/wechat').send({ code: t.fake.state.issueCode(openid) }).expect(200);
    return { token: res.body.accessToken as string, id: Number(res.body.user.id) };
  };
  const idOf = async (sql: string, args: unknown[]) => Number((await t.dataSource.query(sql, args))[0].id);
  const unitId = (name: string) => idOf('SELECT id FROM org_units WHERE name = ?', [name]);
  const userIds: Record<string, number> = {};
  for (const row of (await t.dataSource.query('SELECT id, username FROM users')) as { id: number; username: string }[]) {
    userIds[row.username] = Number(row.id);
  }

  /** One side, its people given: the officer and leader work it, the reporter and respondent live there. */
  const side = async (s: {
    name: Side['name']; station: string; community: string; handoverCommunity: string; handoverOfficer: string;
    officer: string; leader: string; reporter: { token: string; id: number }; respondent: { token: string; id: number };
    informant: () => Promise<{ token: string }>; mediator: { token: string; id: number }; referralTarget: number;
  }): Promise<Side> => {
    const communityId = await unitId(s.community);
    const officer = s.officer;
    const inviteCode = (await call('post', `/api/communities/${communityId}/invites`, officer)).code as string;
    for (const who of [s.reporter, s.respondent]) await call('post', '/api/communities/join-by-code', who.token, { code: inviteCode }, [200, 409]);
    // A member who is no caller of the matrix: setting the informant flag signs its person out everywhere.
    const plainMember = await wechatUser(`openid-authz-member-${s.name}`);
    await call('post', '/api/communities/join-by-code', plainMember.token, { code: inviteCode });
    const applicant = await wechatUser(`openid-authz-applicant-${s.name}`);
    const pending = await call('post', `/api/communities/${communityId}/join-requests`, applicant.token, { note: '想加入社区' });

    const upload = async (token: string) =>
      (await t.http.post('/api/uploads').set(bearer(token)).attach('file', await png(), { filename: 'p.png', contentType: 'image/png' }).expect(201)).body.id as string;
    const photoId = await upload(s.reporter.token);
    const report = async (title: string, kind = CaseKind.Dispute, extra: object = {}) =>
      (await call('post', '/api/cases', s.reporter.token, {
        kind, subcategory: kind === CaseKind.Dispute ? 'neighbour' : 'fire', title, description: `${title}，希望民警处理。`,
        otherParty: '邻居', addressText: '5栋2单元', contactPreference: ContactPreference.InApp, anonymity: Anonymity.None, ...extra,
      })).id as number;
    const accept = (caseId: number) => call('post', `/api/cases/${caseId}/actions`, officer, { action: CaseAction.Accept });

    const caseId = await report('楼上漏水多次协商未果', CaseKind.Dispute, { photoIds: [photoId] });
    await accept(caseId);
    const room = await call('post', '/api/mediation/rooms', officer, { caseId, respondentUserId: s.respondent.id, mediatorUserId: s.mediator.id });
    const sent = await call('post', `/api/mediation/rooms/${room.id}/messages`, s.reporter.token, { clientMsgId: randomUUID(), kind: MessageKind.Text, text: '希望尽快解决' });
    const roomImageId = await upload(s.reporter.token);
    await call('post', `/api/mediation/rooms/${room.id}/messages`, s.reporter.token, { clientMsgId: randomUUID(), kind: MessageKind.Image, uploadId: roomImageId });
    const respondentMember = (room.members as { id: number; role: string }[]).find((m) => m.role === 'respondent');
    const caucus = await call('post', `/api/mediation/rooms/${room.id}/caucus`, s.mediator.token, { memberId: respondentMember?.id });
    const drafted = await call('post', `/api/mediation/rooms/${room.id}/agreement`, s.mediator.token, {
      parties: '申请人与被申请人', facts: '楼上漏水', terms: '被申请人一周内修好水管', performanceDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });

    const referredCaseId = await report('楼道杂物堆放', CaseKind.Hazard);
    await accept(referredCaseId);
    const referral = await call('post', `/api/cases/${referredCaseId}/referrals`, officer, { targetId: s.referralTarget, reason: '需要部门协助处理' });
    const roomlessCaseId = await report('停车位纠纷');
    await accept(roomlessCaseId);
    const serviceCase = await call('post', '/api/service-guide/residence.permit/assist', s.reporter.token, { routeType: 'wanshitong', note: '不会在手机上传材料' });
    const sealed = await call('post', '/api/cases', (await s.informant()).token, {
      kind: CaseKind.CrimeLead, subcategory: 'gambling', title: '出租屋疑似聚众赌博', description: '每晚很多陌生人进出，深夜有麻将声。',
      contactPreference: ContactPreference.InApp, anonymity: Anonymity.Sealed,
    });
    const offlineRoom = await call('post', '/api/mediation/offline-rooms', s.leader, { name: `${s.station}第二调解室`, address: `${s.station}二楼` });
    const slot = (await t.dataSource.query(
      'SELECT s.id AS id, s.offline_room_id AS roomId FROM mediation_slots s JOIN mediation_offline_rooms r ON r.id = s.offline_room_id WHERE r.station_id = ? ORDER BY s.id DESC LIMIT 1',
      [await unitId(s.station)],
    )) as { id: number; roomId: number }[];
    return {
      name: s.name,
      stationId: await unitId(s.station),
      communityId,
      handoverCommunityId: await unitId(s.handoverCommunity),
      handoverOfficerId: userIds[s.handoverOfficer],
      membershipId: await idOf('SELECT id FROM memberships WHERE user_id = ? AND community_id = ?', [s.reporter.id, communityId]),
      pendingMembershipId: Number(pending.id),
      memberUserId: plainMember.id,
      inviteCode,
      caseId,
      photoId,
      roomId: Number(room.id),
      messageSeq: Number(sent.seq),
      roomImageId,
      respondentMemberId: Number(respondentMember?.id),
      caucusRoomId: Number(caucus.id),
      agreementId: Number(drafted.agreement?.id),
      referredCaseId,
      referralId: Number(referral.id),
      serviceCaseId: Number(serviceCase.id),
      sealedCaseId: Number(sealed.id),
      offlineRoomId: Number(offlineRoom.id),
      slotRoomId: Number(slot[0].roomId),
      slotId: Number(slot[0].id),
      officerToken: officer,
      leaderToken: s.leader,
      mediatorUserId: s.mediator.id,
      roomlessCaseId,
      bulletinId: 0,
      rumourReportId: 0,
      reviewId: 0,
      followUpId: 0,
      majorIssueId: 0,
      wechatGroupId: 0,
      bulletinImageId: '',
      rewardId: 0,
      groupId: Number((await t.dataSource.query('SELECT id FROM police_groups WHERE community_id = ?', [communityId]))[0].id),
    };
  };

  const targetIds = new Map<string, number>();
  for (const row of (await t.dataSource.query('SELECT id, name FROM referral_targets')) as { id: number; name: string }[]) targetIds.set(row.name, Number(row.id));
  const targetNamed = (name: string) => Number(targetIds.get(name));

  const home = await side({
    name: 'home', station: '天桥派出所', community: '胜利社区', handoverCommunity: '纬四路社区', handoverOfficer: 'officer4',
    officer: tokens.officer1, leader: tokens.station_leader1,
    reporter: { token: tokens.resident1, id: userIds.resident1 }, respondent: { token: tokens.informant1, id: userIds.informant1 },
    informant: () => Promise.resolve({ token: tokens.informant1 }), mediator: { token: tokens.mediator1, id: userIds.mediator1 },
    referralTarget: targetNamed('蚌山分局户政科'),
  });

  // AWAY's people: two residents of 禹王社区 (one made an informant by officer3) and a mediator of 城关派出所.
  const awayReporter = await wechatUser('openid-authz-away-reporter');
  const awayRespondent = await wechatUser('openid-authz-away-respondent');
  const invitation = await call('post', '/api/staff-invitations', tokens.station_leader2, {
    role: Role.Mediator, orgUnitId: await unitId('城关派出所'), name: '城关调解员',
  });
  const mediatorLogin = await t.http.post('/api/staff-invitations/accept')
    .send({ token: invitation.token, code: t.fake.state.issueCode('openid-authz-away-mediator') }).expect(200);
  const awayMediator = { token: mediatorLogin.body.accessToken as string, id: Number(mediatorLogin.body.user.id) };
  const away = await side({
    name: 'away', station: '城关派出所', community: '禹王社区', handoverCommunity: '东园村', handoverOfficer: 'officer3',
    officer: tokens.officer3, leader: tokens.station_leader2, reporter: awayReporter, respondent: awayRespondent,
    informant: async () => {
      await call('post', `/api/users/${awayReporter.id}/informant`, tokens.officer3, { granted: true }, [200]);
      return { token: (await wechatUser('openid-authz-away-reporter')).token };
    },
    mediator: awayMediator, referralTarget: targetNamed('蚌山分局交警大队'),
  });

  const bulletin = async (side: Side, author: string, reviewer: string, pusher: string, kind: object) => {
    const imageId = (await t.http.post('/api/uploads').set(bearer(author)).attach('file', await png(), { filename: 'b.png', contentType: 'image/png' }).expect(201)).body.id as string;
    const made = await call('post', '/api/bulletins', author, { ...kind, imageIds: [imageId], body: [{ type: 'paragraph', runs: [{ text: '授权矩阵测试公告正文' }] }] });
    side.bulletinImageId = imageId;
    await call('post', `/api/bulletins/${made.id}/submit`, author);
    await call('post', `/api/bulletins/${made.id}/review`, reviewer, { decision: 'approve' });
    await call('post', `/api/bulletins/${made.id}/pushes`, pusher, { groupIds: [side.groupId] });
    side.bulletinId = Number(made.id);
  };
  await bulletin(home, tokens.department_staff1, tokens.legal_reviewer1, tokens.officer1, { kind: 'warning', warningType: 'prevention', title: '防范电信诈骗' });
  await bulletin(away, tokens.officer3, tokens.station_leader2, tokens.officer3, { kind: 'positive', title: '热心居民拾金不昧' });
  for (const [side, token] of [[home, tokens.officer1], [away, tokens.officer3]] as const) {
    const shot = (await t.http.post('/api/uploads').set(bearer(token)).attach('file', await png(), { filename: 's.png', contentType: 'image/png' }).expect(201)).body.id as string;
    side.rumourReportId = Number((await call('post', '/api/rumours', token, { text: '授权矩阵测试传言', groupId: side.groupId, screenshotId: shot })).id);
  }
  for (const [side, officer] of [[home, 'officer1'], [away, 'officer3']] as const) {
    await t.dataSource.query(
      'INSERT INTO wechat_groups (open_gid, first_bulletin_id, first_seen_at, shared_by, org_path) ' +
        'SELECT ?, ?, NOW(), u.id, o.path FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.username = ?',
      [`authz-gid-${side.name}`, side.bulletinId, officer],
    );
    side.wechatGroupId = await idOf('SELECT id FROM wechat_groups WHERE open_gid = ?', [`authz-gid-${side.name}`]);
  }

  // 会商调度: each station records this week's review with one decision for its officer and raises a 重大问题 to its 挂点 leader.
  const review = async (side: Side, leader: string, owner: string) => {
    const today = new Date(Date.now() + 8 * 3600_000);
    const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
    const made = await call('post', '/api/reviews', leader, {
      periodFrom: monday, heldOn: today.toISOString().slice(0, 10), attendees: '所领导、社区民警', summary: '授权矩阵测试会商',
      decisions: [{ content: '逐户提示电动车充电', ownerId: userIds[owner], deadline: today.toISOString().slice(0, 10) }],
    });
    side.reviewId = Number(made.id);
    side.followUpId = Number(made.followUps[0].id);
    side.majorIssueId = Number((await call('post', '/api/major-issues', leader, { title: '工地欠薪纠纷', detail: '涉及农民工多人', deadline: today.toISOString().slice(0, 10) })).id);
  };
  await review(home, tokens.station_leader1, 'officer1');
  await review(away, tokens.station_leader2, 'officer3');

  await addRewards(call, home, away);

  const now = new Date();
  await t.dataSource.query(
    "INSERT INTO outbox (topic, dedupe_key, payload, status, attempts, next_attempt_at, last_error, created_at) VALUES ('wechat.subscribe', ?, '{}', 'dead', 8, ?, 'errcode 43101', ?)",
    [`authz-dead:${randomUUID()}`, now, now],
  );
  const outboxId = await idOf("SELECT id FROM outbox WHERE status = 'dead' ORDER BY id DESC LIMIT 1", []);
  const open311 = (await t.http.post('/open311/v2/requests.json').set('Idempotency-Key', randomUUID()).send({
    api_key: 'demo-open311-key', service_code: 'hazard.facility', description: '小区东门路灯不亮', address_string: '胜利社区东门',
  }).expect(201)).body[0] as { service_request_id: string; token: string };

  // Every caller gets a notice of their own (made by the real service), so reading one's own is asked of everyone.
  const notices = t.app.get(NotificationsService);
  await t.dataSource.transaction((m) => notices.notify(m, CALLERS.filter((c) => c !== 'anonymous').map((c) => userIds[c]),
    { title: '系统通知', body: '授权矩阵测试', caseId: null }, `authz-notice:${randomUUID()}`));
  const notificationOf: World['notificationOf'] = {};
  for (const who of CALLERS) {
    if (who === 'anonymous') continue;
    const rows = (await t.dataSource.query('SELECT id FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT 1', [userIds[who]])) as { id: number }[];
    if (rows[0]) notificationOf[who] = Number(rows[0].id);
  }

  let slotDay = 30;
  const fresh: World['fresh'] = {
    invite: async (s) => (await call('post', `/api/communities/${s.communityId}/invites`, s.officerToken)).code as string,
    slot: async (s) => {
      const startsAt = Date.now() + slotDay++ * 86_400_000;
      const created = await call('post', `/api/mediation/offline-rooms/${s.slotRoomId}/slots`, s.leaderToken, {
        startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 3_600_000).toISOString(),
      });
      return Number(created.id);
    },
    staffInvitation: async (s) =>
      Number((await call('post', '/api/staff-invitations', s.leaderToken, { role: 'mediator', orgUnitId: s.stationId, name: '新调解员' })).id),
  };

  return {
    fresh, tokens, home, away, matterCode: 'residence.permit', referralTargetId: targetNamed('城市管理局'), outboxId,
    open311Id: open311.service_request_id, open311Token: open311.token, notificationOf, userIds,
  };
}
