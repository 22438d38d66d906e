import { CaseStatus, MessageKind, Role, RoomStatus } from '@jws/contracts';
import { CasesApi } from '../cases';
import { MediationApi, MediationService, RoomChatService } from '../mediation';
import { DemoSeedRepository } from './data/demo-seed.repository';

const HOUR = 3600_000;

/**
 * Each station's 警民联调室 with bookable slots over the next days, and an open online room on the
 * demo noise dispute (resident1 vs informant1, mediator1 mediating), made through the real services.
 */
export async function seedDemoMediation(
  seed: DemoSeedRepository, cases: CasesApi, rooms: MediationApi, mediation: MediationService, chat: RoomChatService,
): Promise<boolean> {
  if ((await rooms.offlineRoomCount()) === 0) {
    const stations = await seed.stations();
    const dayStart = new Date(Math.ceil(Date.now() / (24 * HOUR)) * 24 * HOUR + HOUR); // 09:00 in China, tomorrow
    for (const station of stations) {
      const slots = [0, 1, 2].flatMap((day) => [0, 2, 5].map((h) => new Date(dayStart.getTime() + day * 24 * HOUR + h * HOUR)));
      await rooms.addOfflineRoom({
        stationId: station.id, name: `${station.name}警民联调室`, address: `${station.name}一楼东侧`,
        slots: slots.map((startsAt) => ({ startsAt, endsAt: new Date(startsAt.getTime() + HOUR) })),
      });
    }
  }
  if ((await rooms.roomCount()) > 0) return false;
  const noise = await cases.records.findOneBy({ title: '楼上装修噪音扰民', status: CaseStatus.Accepted });
  if (!noise) return false;
  const [officer, resident, informant, mediator] = await Promise.all(['officer1', 'resident1', 'informant1', 'mediator1'].map((u) => seed.callerOf(u)));
  if (mediator.user.role !== Role.Mediator) return false;
  const room = await mediation.open(officer, { caseId: noise.id, respondentUserId: informant.user.id, mediatorUserId: mediator.user.id });
  if (room.status !== RoomStatus.Open) return false;
  const lines: [typeof officer, string][] = [
    [mediator, '两位好，我是天桥派出所的调解员孙大姐，今天我们一起把装修噪音的事情说开。'],
    [resident, '楼上每天晚上十点以后还在打电钻，老人孩子都睡不好。'],
    [informant, '我们工期紧，不过晚上施工确实不对，我可以调整。'],
  ];
  for (const [i, [who, text]] of lines.entries()) {
    await chat.send(who, room.id, { clientMsgId: `demo-room-msg-${i + 1}`, kind: MessageKind.Text, text });
  }
  return true;
}
