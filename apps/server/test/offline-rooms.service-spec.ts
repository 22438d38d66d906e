import { ErrorCode, RoomStatus } from '@jws/contracts';
import { mediationFixtures } from './mediation-support';
import { startTestApp, TestApp } from './test-app';

const HOUR = 3600_000;

/** 警民联调室 managed by station staff: rooms, their slots, retiring, and the station's scope. */
describe('offline mediation rooms (警民联调室) managed by station staff (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const f = mediationFixtures(() => t, tokens);
  const { as } = f;

  const createRoom = (username: string, body: Record<string, unknown>) => t.http.post('/api/mediation/offline-rooms').set(as(username)).send(body);
  const listRooms = async (username = 'station_leader1') => (await t.http.get('/api/mediation/offline-rooms').set(as(username)).expect(200)).body;
  // Slots on whole hours from a fixed base, so that the same hours ask for the same start.
  const base = Math.ceil(Date.now() / HOUR) * HOUR;
  const addSlot = (username: string, roomId: number, hoursAhead: number) => {
    const startsAt = new Date(base + hoursAhead * HOUR);
    return t.http.post(`/api/mediation/offline-rooms/${roomId}/slots`).set(as(username))
      .send({ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + HOUR).toISOString() });
  };
  const auditOf = async (action: string, targetId: number) =>
    (await t.dataSource.query('SELECT outcome, detail FROM audit_entries WHERE action = ? AND target_id = ? ORDER BY id', [action, String(targetId)])) as {
      outcome: string; detail: string | null;
    }[];

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '10' });
    for (const u of ['resident1', 'informant1', 'officer1', 'mediator1', 'station_leader1', 'station_leader2']) tokens[u] = await t.login(u);
  });
  afterAll(() => t?.close());

  it('lets station staff add a room and slots that mediation rooms of the station can book; a booked slot cannot be cancelled', async () => {
    const created = (await createRoom('station_leader1', { name: '  纬四路联调室 ', address: '纬四路社区警务室一楼' }).expect(201)).body;
    expect(created).toMatchObject({ name: '纬四路联调室', address: '纬四路社区警务室一楼', retiredAt: null, slots: [] });
    expect(await auditOf('mediation.offline_room_changed', created.id)).toEqual([expect.objectContaining({ detail: 'created' })]);

    // Officers of the station manage the same rooms.
    const early = (await addSlot('officer1', created.id, 20).expect(201)).body;
    const late = (await addSlot('station_leader1', created.id, 44).expect(201)).body;
    expect((await addSlot('officer1', created.id, 20).expect(409)).body.code).toBe(ErrorCode.SlotTaken);
    const room = await f.openRoom('车库漏水纠纷');
    const free = (await t.http.get(`/api/mediation/rooms/${room.id}/offline-slots`).set(as('officer1')).expect(200)).body;
    expect(free.filter((s: { offlineRoomId: number }) => s.offlineRoomId === created.id).map((s: { id: number }) => s.id)).toEqual([early.id, late.id]);

    await t.http.post(`/api/mediation/rooms/${room.id}/transfer`).set(as('officer1')).send({ slotId: early.id }).expect(200);
    const listed = (await listRooms()).find((r: { id: number }) => r.id === created.id);
    expect(listed.slots).toEqual([
      { id: early.id, startsAt: early.startsAt, endsAt: early.endsAt, booked: true },
      { id: late.id, startsAt: late.startsAt, endsAt: late.endsAt, booked: false },
    ]);
    expect((await t.http.delete(`/api/mediation/offline-slots/${early.id}`).set(as('officer1')).expect(409)).body.code).toBe(ErrorCode.SlotBooked);
    await t.http.delete(`/api/mediation/offline-slots/${late.id}`).set(as('officer1')).expect(204);
    const after = (await listRooms()).find((r: { id: number }) => r.id === created.id);
    expect(after.slots.map((s: { id: number }) => s.id)).toEqual([early.id]);
    await t.http.delete(`/api/mediation/offline-slots/${late.id}`).set(as('officer1')).expect(404);
  });

  it('retires a room: its free slots are no longer offered or bookable, no new ones open, bookings made stay', async () => {
    const created = (await createRoom('officer1', { name: '旧联调室', address: '胜利路老所址' }).expect(201)).body;
    const booked = (await addSlot('officer1', created.id, 30).expect(201)).body;
    const spare = (await addSlot('officer1', created.id, 54).expect(201)).body;
    const room = await f.openRoom('门前堆物纠纷');
    const transferred = (await t.http.post(`/api/mediation/rooms/${room.id}/transfer`).set(as('officer1')).send({ slotId: booked.id }).expect(200)).body;
    expect(transferred.status).toBe(RoomStatus.TransferredOffline);

    const retired = (await t.http.post(`/api/mediation/offline-rooms/${created.id}/retire`).set(as('station_leader1')).expect(200)).body;
    expect(retired.retiredAt).not.toBeNull();
    expect(retired.slots.map((s: { id: number; booked: boolean }) => [s.id, s.booked])).toEqual([[booked.id, true], [spare.id, false]]);
    // Retiring again changes nothing (and records nothing new).
    const again = (await t.http.post(`/api/mediation/offline-rooms/${created.id}/retire`).set(as('station_leader1')).expect(200)).body;
    expect(again.retiredAt).toBe(retired.retiredAt);
    expect((await auditOf('mediation.offline_room_changed', created.id)).map((a) => a.detail)).toEqual(['created', 'retired']);

    const other = await f.openRoom('楼道灯损坏纠纷');
    const free = (await t.http.get(`/api/mediation/rooms/${other.id}/offline-slots`).set(as('officer1')).expect(200)).body;
    expect(free.map((s: { id: number }) => s.id)).not.toContain(spare.id);
    const refused = await t.http.post(`/api/mediation/rooms/${other.id}/transfer`).set(as('officer1')).send({ slotId: spare.id }).expect(409);
    expect(refused.body.code).toBe(ErrorCode.OfflineRoomRetired);
    expect((await addSlot('officer1', created.id, 80).expect(409)).body.code).toBe(ErrorCode.OfflineRoomRetired);
    // The booking made before stays with its room, and the retired room lists after the active ones.
    const detail = (await t.http.get(`/api/mediation/rooms/${room.id}`).set(as('officer1')).expect(200)).body;
    expect(detail.booking).toMatchObject({ slotId: booked.id, offlineRoomName: '旧联调室' });
    const rooms = await listRooms();
    expect(rooms.at(-1).id).toBe(created.id);
    expect(rooms.slice(0, -1).every((r: { retiredAt: string | null }) => r.retiredAt === null)).toBe(true);
  });

  it("keeps each station's rooms to its own staff, on record, and explains bad input in Chinese", async () => {
    const ours = (await createRoom('station_leader1', { name: '天桥所第二联调室', address: '天桥派出所二楼' }).expect(201)).body;
    const theirs = await listRooms('station_leader2');
    expect(theirs.map((r: { id: number }) => r.id)).not.toContain(ours.id);
    expect((await t.http.post(`/api/mediation/offline-rooms/${ours.id}/retire`).set(as('station_leader2')).expect(404)).body.code).toBe(ErrorCode.NotFound);
    expect((await addSlot('station_leader2', ours.id, 30).expect(404)).body.code).toBe(ErrorCode.NotFound);
    expect(await auditOf('access.denied', ours.id)).toHaveLength(2);
    const slot = (await addSlot('officer1', ours.id, 30).expect(201)).body;
    await t.http.delete(`/api/mediation/offline-slots/${slot.id}`).set(as('station_leader2')).expect(404);

    // Residents and mediators hold no MediationManage.
    expect((await t.http.get('/api/mediation/offline-rooms').set(as('resident1')).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    expect((await createRoom('mediator1', { name: '私设联调室', address: '某处' }).expect(403)).body.code).toBe(ErrorCode.Forbidden);

    const blank = (await createRoom('station_leader1', { name: '   ', address: '天桥派出所' }).expect(400)).body;
    expect(blank).toMatchObject({ code: ErrorCode.ValidationFailed, message: '请填写联调室名称和地址' });
    const long = (await createRoom('station_leader1', { name: '联'.repeat(65), address: '天桥派出所' }).expect(400)).body;
    expect(long.code).toBe(ErrorCode.ValidationFailed);
    const past = await t.http.post(`/api/mediation/offline-rooms/${ours.id}/slots`).set(as('officer1'))
      .send({ startsAt: new Date(Date.now() - HOUR).toISOString(), endsAt: new Date().toISOString() }).expect(400);
    expect(past.body).toMatchObject({ code: ErrorCode.ValidationFailed, message: '时段应在将来且结束晚于开始' });
    // Nothing of the refused requests was saved.
    const names = (await listRooms()).map((r: { name: string }) => r.name);
    expect(names).not.toContain('私设联调室');
    expect(names.filter((n: string) => n.startsWith('联联'))).toEqual([]);
  });
});
