import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'

import { api } from '../../api'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { useMe } from '../../hooks/useMe'
import CaseView from './CaseView'
import './index.scss'

/** One report: what was reported, its progress, and what the caller may do now. */
export default function CasePage() {
  const router = useRouter()
  const caseId = Number(router.params.id)
  const validId = Number.isInteger(caseId) && caseId > 0
  const { user } = useMe()
  const state = useAsync(async () => (validId ? api.caseDetail(caseId) : null), [caseId], { reloadOnShow: true })

  if (!validId) {
    return (
      <View className='page'>
        <EmptyBlock id='case-missing' title='未找到该上报' />
      </View>
    )
  }

  return (
    <View className='page'>
      <AsyncContent state={state} errorId='case-load-error'>
        {(c) => (c ? <CaseView c={c} user={user} onUpdated={state.set} /> : <EmptyBlock title='未找到该上报' />)}
      </AsyncContent>
    </View>
  )
}
