import { useEffect, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { CaseDetail, UserView } from '@jws/contracts'

import { api } from '../../../api'
import { AsyncContent, EmptyBlock, Loading } from '../../../components/StatusBlock'
import { useAsync } from '../../../hooks/useAsync'
import { useMe } from '../../../hooks/useMe'
import { caseUrl, isStaffCaseReader } from '../../../lib/routes'
import type { OnUpdated } from './shared'

/**
 * The frame of both case pages (the residents' one in the main package, the officers' one with the
 * handling tools in packageOfficer): reads `?id=`, loads the case (again each time the page shows),
 * and sends a person who opened the other audience's page (a subscribe message names pages/case)
 * on to theirs.
 */
export default function CaseScreen({ forStaff, children }: {
  forStaff: boolean
  children: (c: CaseDetail, user: UserView | null, onUpdated: OnUpdated) => ReactNode
}) {
  const router = useRouter()
  const caseId = Number(router.params.id)
  const validId = Number.isInteger(caseId) && caseId > 0
  const { user } = useMe()
  const elsewhere = user !== null && isStaffCaseReader(user) !== forStaff
  const state = useAsync(async () => (validId && !elsewhere ? api.caseDetail(caseId) : null), [caseId, elsewhere], { reloadOnShow: true })

  useEffect(() => {
    if (validId && elsewhere) void Taro.redirectTo({ url: caseUrl(caseId) })
  }, [validId, elsewhere, caseId])

  if (!validId) {
    return (
      <View className='page'>
        <EmptyBlock id='case-missing' title='未找到该上报' />
      </View>
    )
  }
  if (elsewhere) return <Loading />

  return (
    <View className='page'>
      <AsyncContent state={state} errorId='case-load-error'>
        {(c) => (c ? children(c, user, state.set) : <EmptyBlock title='未找到该上报' />)}
      </AsyncContent>
    </View>
  )
}
