import CaseScreen from '../../pages/case/parts/CaseScreen'
import OfficerCaseView from './OfficerCaseView'
import '../../pages/case/index.scss'

/** One report for staff (who may read cases): the case page with the handling tools, loaded only by them. */
export default function OfficerCasePage() {
  return <CaseScreen forStaff>{(c, user, onUpdated) => <OfficerCaseView c={c} user={user} onUpdated={onUpdated} />}</CaseScreen>
}
