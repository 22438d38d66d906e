import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ErrorCode } from '@jws/contracts'

import { draftHasContent } from '../../../lib/report-draft'
import { ROUTES } from '../../../lib/routes'
import type { ReportFormState } from '../useReportForm'

const OFFLINE_MESSAGE = '网络不可用，已保存草稿，恢复网络后自动提交'

/** 提交上报, what stopped the last try (offline, an error with its way out), and 清空草稿. */
export default function SubmitCard({ form }: { form: ReportFormState }) {
  const { draft, photos, status, submitTap, submitAsNew, discard } = form
  const busy = status.kind === 'sending'
  return (
    <View className='card report__submit'>
      {status.kind === 'offline' && (
        <Text className='report__offline' id='report-error'>
          {OFFLINE_MESSAGE}
        </Text>
      )}
      {status.kind === 'error' && (
        <View>
          <Text className='error-text' id='report-error'>
            {status.message}
          </Text>
          {status.code === ErrorCode.NoCommunity && (
            <Button block className='block-button' fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.join })}>
              加入社区
            </Button>
          )}
          {status.code === ErrorCode.IdempotencyKeyConflict && (
            <View className='report__conflict'>
              <Button fill='outline' type='primary' onClick={() => void Taro.switchTab({ url: ROUTES.mine })}>
                查看我的上报
              </Button>
              <Button fill='outline' type='default' onClick={submitAsNew}>
                作为新上报提交
              </Button>
            </View>
          )}
        </View>
      )}
      <Button block className='block-button' id='report-submit' type='primary' loading={busy} disabled={busy} onClick={submitTap}>
        {status.kind === 'offline' ? '立即重试' : '提交上报'}
      </Button>
      {(draftHasContent(draft) || photos.length > 0) && !busy && (
        <Text className='report__link report__discard' id='report-discard' onClick={discard}>
          清空草稿
        </Text>
      )}
      <Text className='report__hint report__footnote'>
        上报将交给您所在社区的民警办理，进展会在“我的 → 我的上报”和消息中通知您。
      </Text>
    </View>
  )
}
