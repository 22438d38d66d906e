import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { HOTLINE_12345, ROUTE_TYPE_LABELS } from '@jws/contracts'

import { api } from '../../api'
import GuideSearch from '../../components/GuideSearch'
import { AsyncContent, EmptyBlock } from '../../components/StatusBlock'
import { useAsync } from '../../hooks/useAsync'
import { guideUrl, matterUrl, ROUTES } from '../../lib/routes'
import { platform } from '../../platform'
import '../matter/index.scss'

/** 办事指引 results: the matters that fit what the person typed, best first. */
export default function GuidePage() {
  const router = useRouter()
  const [q, setQ] = useState(decodeURIComponent(router.params.q ?? ''))
  const state = useAsync(() => api.searchGuide(q), [q])
  // The address keeps the latest search, so a refresh or a shared link shows the same results.
  const search = (text: string) => {
    setQ(text)
    platform.replaceAddress(guideUrl(text))
  }

  return (
    <View className='page'>
      <View className='card'>
        <GuideSearch initial={q} onSearch={search} />
      </View>
      <AsyncContent state={state} errorId='guide-error'>
        {(result) => (
          <>
            {result.matters.length > 0 && (
              <View className='card' id='guide-results'>
                <Text className='card__title'>{result.query ? `“${result.query}”怎么办` : '常办事项'}</Text>
                {result.matters.map((m) => (
                  <View key={m.code} id={`guide-result-${m.code.replace(/\./g, '-')}`} className='list-item' ariaRole='button' onClick={() => void Taro.navigateTo({ url: matterUrl(m.code) })}>
                    <Text className='list-item__title'>{m.title}</Text>
                    <Text className='list-item__meta'>{m.summary}</Text>
                    <View className='matter__route-tags'>
                      {m.routes.map((r) => (
                        <Tag key={r.type} type='primary' plain>{ROUTE_TYPE_LABELS[r.type]}</Tag>
                      ))}
                    </View>
                  </View>
                ))}
              </View>
            )}
            {result.matters.length === 0 && (
              <View className='card' id='guide-suggest'>
                <EmptyBlock title='没有找到对应的事项' description='可以换个说法再搜，或者拨打12345政务服务热线咨询，也可以请社区民警协助。' />
                <Button block className='block-button' id='guide-call-12345' type='primary' onClick={() => void platform.makePhoneCall(HOTLINE_12345)}>
                  拨打12345
                </Button>
                <Button block className='block-button' id='guide-police-help' fill='outline' type='primary' onClick={() => void Taro.switchTab({ url: ROUTES.report })}>
                  请民警协助
                </Button>
              </View>
            )}
          </>
        )}
      </AsyncContent>
    </View>
  )
}
