import { Anonymity, CaseAction, CaseKind, ContactPreference, ReferralTargetKind } from '@jws/contracts';
import { CasesApi } from '../cases';
import { CreateCaseDto } from '../cases/dto/case.dto';
import { ReferralsService, ReferralTargetsService } from '../referrals';
import { DemoSeedRepository } from './data/demo-seed.repository';

/**
 * Referral targets (蚌山分局户政科 with department_staff1, 交警大队, two government departments; 12345
 * exists everywhere) and one service case referred to 户政科, through the real services.
 */
export async function seedDemoReferrals(
  seed: DemoSeedRepository, cases: CasesApi, referrals: ReferralsService,
  targets: ReferralTargetsService,
): Promise<boolean> {
  await referrals.ensureHotlineTarget();
  if ((await targets.count()) > 1) return false;
  const branchId = await seed.unitId('蚌山分局');
  const staff = await seed.callerOf('department_staff1');
  const household = await targets.create({ kind: ReferralTargetKind.PoliceDepartment, name: '蚌山分局户政科', phone: '0552-2012110', orgUnitId: branchId, staffUserIds: [staff.user.id] });
  await targets.create({ kind: ReferralTargetKind.PoliceDepartment, name: '蚌山分局交警大队', phone: '0552-2012122', orgUnitId: branchId });
  await targets.create({ kind: ReferralTargetKind.GovernmentDepartment, name: '城市管理局', phone: '12319' });
  await targets.create({ kind: ReferralTargetKind.GovernmentDepartment, name: '人社局劳动保障监察', phone: '12333' });

  const as = (username: string) => seed.callerOf(username);
  const resident = await as('resident1');
  const officer = await as('officer1');
  const birth = await cases.create(resident, {
    kind: CaseKind.ServiceNeed, subcategory: 'household', title: '孙子的出生证明丢了，怎么落户',
    description: '孙子上个月出生，出生医学证明不慎丢失，想问怎么补办和上户口。', contactPreference: ContactPreference.InApp, anonymity: Anonymity.None,
  } as CreateCaseDto, 'demo-case-birth-0001');
  await cases.act(officer, birth.id, { action: CaseAction.Accept, note: '已受理，请户政部门协助核实' });
  await referrals.refer(officer, birth.id, { targetId: household.id, reason: '出生医学证明遗失后的落户，需户政科核实办理' });
  return true;
}
