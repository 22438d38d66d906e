import { CaseStatus, Permission, TERMINAL_STATUSES, type CaseDetail, type UserView } from '@jws/contracts'

import CaseMediation from '../../components/CaseMediation'
import CaseReferrals from '../../components/CaseReferrals'
import GovernanceClassCard from '../../components/GovernanceClass'
import { userCan } from '../../session/store'
import Actions from './parts/Actions'
import { DuplicateChooser, TransferChooser } from './parts/Choosers'
import Deadlines from './parts/Deadlines'
import Details from './parts/Details'
import Header from './parts/Header'
import InfoCard from './parts/InfoCard'
import NoteCard from './parts/NoteCard'
import Photos from './parts/Photos'
import RateCard from './parts/RateCard'
import type { OnUpdated } from './parts/shared'
import StaffTools from './parts/StaffTools'
import Timeline from './parts/Timeline'
import UrgeCard from './parts/UrgeCard'

const STAFF_CHOOSERS = { duplicate: DuplicateChooser, transfer: TransferChooser }

/** One report as the caller may see and handle it: staff get the handling tools, the reporter their own cards. */
export default function CaseView({ c, user, onUpdated }: { c: CaseDetail; user: UserView | null; onUpdated: OnUpdated }) {
  const staff = userCan(user, Permission.CaseRead)
  // Residents only ever see their own reports.
  const reporter = !staff && userCan(user, Permission.CaseReport)
  const terminal = TERMINAL_STATUSES.includes(c.status)

  return (
    <>
      <Header c={c} staff={staff} />
      <Actions c={c} onUpdated={onUpdated} reporter={reporter} choosers={staff ? STAFF_CHOOSERS : undefined} />
      <CaseReferrals c={c} staff={staff} />
      <CaseMediation c={c} user={user} reporter={reporter} onUpdated={onUpdated} />
      {reporter && c.status === CaseStatus.Closed && c.rating === null && <RateCard c={c} onUpdated={onUpdated} />}
      <Details c={c} staff={staff} />
      <Photos c={c} />
      {staff && <Deadlines c={c} />}
      {staff && c.canUrge && <UrgeCard c={c} onUpdated={onUpdated} />}
      {staff && <GovernanceClassCard c={c} />}
      {staff && c.canAddNote && <NoteCard c={c} onUpdated={onUpdated} />}
      {staff && <StaffTools c={c} user={user} onUpdated={onUpdated} />}
      {reporter && !terminal && <InfoCard c={c} onUpdated={onUpdated} />}
      <Timeline c={c} />
    </>
  )
}
