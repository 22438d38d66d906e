import { Anonymity, CaseAction, CaseKind, ContactPreference } from '@jws/contracts';
import { CasesApi } from '../cases';
import { CreateCaseDto } from '../cases/dto/case.dto';
import { DemoSeedRepository } from './data/demo-seed.repository';

/**
 * A few reports in different states, made through the real services (so timelines, deadlines
 * and notifications are as in production): something for 我的上报 and the officer's queue.
 */
export async function seedDemoCases(seed: DemoSeedRepository, cases: CasesApi): Promise<boolean> {
  if ((await cases.records.count()) > 0) return false;
  const as = (username: string) => seed.callerOf(username);
  const resident = await as('resident1');
  const informant = await as('informant1');
  const officer = await as('officer1');
  const report = (who: typeof resident, dto: Partial<CreateCaseDto>, key: string) =>
    cases.create(who, { contactPreference: ContactPreference.InApp, anonymity: Anonymity.None, ...dto } as CreateCaseDto, key);

  const noise = await report(resident, {
    kind: CaseKind.Dispute, subcategory: 'neighbour', title: '楼上装修噪音扰民', otherParty: '楼上602住户',
    description: '楼上602每天晚上十点后还在装修，多次沟通无果，希望民警协调。',
  }, 'demo-case-noise-0001');
  await cases.act(officer, noise.id, { action: CaseAction.Accept, note: '已受理，今晚上门了解情况' });

  await report(resident, {
    kind: CaseKind.Hazard, subcategory: 'fire', title: '楼道堆放电动车充电', addressText: '胜利社区5栋2单元一楼楼道',
    description: '有住户在楼道里给电动车充电，晚上也不拔，存在火灾隐患。',
  }, 'demo-case-fire-0001');

  const lost = await report(resident, {
    kind: CaseKind.ServiceNeed, subcategory: 'lost', title: '在社区广场捡到一个钱包',
    description: '钱包里有身份证和银行卡，已交给社区居委会，请民警联系失主。',
  }, 'demo-case-lost-0001');
  await cases.act(officer, lost.id, { action: CaseAction.Accept });
  await cases.act(officer, lost.id, { action: CaseAction.Resolve, note: '已联系失主领回，感谢您的热心' });

  await report(informant, {
    kind: CaseKind.CrimeLead, subcategory: 'gambling', title: '出租屋疑似聚众赌博', anonymity: Anonymity.Sealed,
    description: '3栋601出租屋每晚很多陌生人进出，深夜有麻将声和争吵。',
  }, 'demo-case-lead-0001');
  return true;
}
