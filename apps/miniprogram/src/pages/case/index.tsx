import CaseScreen from './parts/CaseScreen'
import CaseView from './CaseView'
import './index.scss'

/** One report as its reporter (or another non-staff reader) sees it; staff are sent to packageOfficer/case. */
export default function CasePage() {
  return <CaseScreen forStaff={false}>{(c, user, onUpdated) => <CaseView c={c} user={user} onUpdated={onUpdated} />}</CaseScreen>
}
