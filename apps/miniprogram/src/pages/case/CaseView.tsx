import { CaseStatus, Permission, TERMINAL_STATUSES, type CaseDetail, type UserView } from '@jws/contracts'

import CaseMediation from '../../components/CaseMediation'
import CaseReferrals from '../../components/CaseReferrals'
import { userCan } from '../../session/store'
import Actions from './parts/Actions'
import Details from './parts/Details'
import Header from './parts/Header'
import InfoCard from './parts/InfoCard'
import Photos from './parts/Photos'
import RateCard from './parts/RateCard'
import type { OnUpdated } from './parts/shared'
import Timeline from './parts/Timeline'

/**
 * One report as a non-staff reader sees it: what was reported, its progress, and for the reporter
 * 确认/评价/补充. Staff see it in packageOfficer/case with the handling tools.
 */
export default function CaseView({ c, user, onUpdated }: { c: CaseDetail; user: UserView | null; onUpdated: OnUpdated }) {
  // Residents only ever see their own reports.
  const reporter = userCan(user, Permission.CaseReport)
  const terminal = TERMINAL_STATUSES.includes(c.status)

  return (
    <>
      <Header c={c} staff={false} />
      <Actions c={c} onUpdated={onUpdated} reporter={reporter} />
      <CaseReferrals c={c} staff={false} />
      <CaseMediation c={c} user={user} reporter={reporter} onUpdated={onUpdated} />
      {reporter && c.status === CaseStatus.Closed && c.rating === null && <RateCard c={c} onUpdated={onUpdated} />}
      <Details c={c} staff={false} />
      <Photos c={c} />
      {reporter && !terminal && <InfoCard c={c} onUpdated={onUpdated} />}
      <Timeline c={c} reporter={reporter} />
    </>
  )
}
