import type { CaseDetail, UserView } from '@jws/contracts'

import CaseMediation from '../../components/CaseMediation'
import CaseReferrals from '../../components/CaseReferrals'
import RevealPhone from '../../components/RevealPhone'
import { api } from '../../api'
import GovernanceClassCard from '../../components/GovernanceClass'
import Actions from '../../pages/case/parts/Actions'
import Details from '../../pages/case/parts/Details'
import Header from '../../pages/case/parts/Header'
import Photos from '../../pages/case/parts/Photos'
import type { OnUpdated } from '../../pages/case/parts/shared'
import Timeline from '../../pages/case/parts/Timeline'
import { DuplicateChooser, TransferChooser } from './parts/Choosers'
import Deadlines from './parts/Deadlines'
import InquiriesCard from './parts/InquiriesCard'
import NoteCard from './parts/NoteCard'
import RewardEntry from './parts/RewardEntry'
import StaffTools from './parts/StaffTools'
import UrgeCard from './parts/UrgeCard'

const STAFF_CHOOSERS = { duplicate: DuplicateChooser, transfer: TransferChooser }

/** One report as staff see it: the shared parts of the case page plus the handling tools. */
export default function OfficerCaseView({ c, user, onUpdated }: { c: CaseDetail; user: UserView | null; onUpdated: OnUpdated }) {
  // 查看号码 (as in the member list): the handling officer reads the reporter's full number on request, each view recorded.
  const phoneReveal = c.reporterPhone && user !== null && c.officerId === user.id
    ? <RevealPhone idKey='reporter' notice='查看号码将被记录' reveal={async () => (await api.revealReporterPhone(c.id)).phone} />
    : undefined
  return (
    <>
      <Header c={c} staff />
      <Actions c={c} onUpdated={onUpdated} reporter={false} choosers={STAFF_CHOOSERS} />
      <CaseReferrals c={c} staff />
      <CaseMediation c={c} user={user} reporter={false} onUpdated={onUpdated} />
      <Details c={c} staff phoneReveal={phoneReveal} />
      <Photos c={c} />
      <Deadlines c={c} />
      <InquiriesCard c={c} />
      {c.canUrge && <UrgeCard c={c} onUpdated={onUpdated} />}
      <GovernanceClassCard c={c} />
      {c.canAddNote && <NoteCard c={c} onUpdated={onUpdated} />}
      <StaffTools c={c} user={user} onUpdated={onUpdated} />
      <RewardEntry c={c} user={user} />
      <Timeline c={c} reporter={false} />
    </>
  )
}
