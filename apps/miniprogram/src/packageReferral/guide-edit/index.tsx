import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import type { ServiceMatterView } from '@jws/contracts'

import { api } from '../../api'
import GuideSearch from '../../components/GuideSearch'
import { AsyncContent } from '../../components/StatusBlock'
import Toggle from '../../components/Toggle'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import '../referral.scss'

const splitWords = (text: string) => text.split(/[、,，;；\n]+/).map((w) => w.trim()).filter(Boolean)

/** Edits the wording of one matter; every save is a new version (the routes are kept as they are). */
function MatterEditor({ matter, onSaved }: { matter: ServiceMatterView; onSaved: (m: ServiceMatterView) => void }) {
  const [title, setTitle] = useState(matter.title)
  const [summary, setSummary] = useState(matter.summary)
  const [synonyms, setSynonyms] = useState(matter.synonyms.join('、'))
  const [phrases, setPhrases] = useState(matter.phrases.join('、'))
  const [common, setCommon] = useState(Boolean(matter.common))
  const { busy, error, run } = useSubmit()

  async function save() {
    const routes = matter.routes.map(({ miniProgram: _mp, ...route }) => route)
    const saved = await run(() =>
      api.updateMatter(matter.code, {
        title: title.trim(), category: matter.category, summary: summary.trim(), synonyms: splitWords(synonyms), phrases: splitWords(phrases),
        routes, assist: matter.assist, common,
      }),
    )
    if (!saved) return
    onSaved(saved)
    void Taro.showToast({ title: `已保存为第${saved.version}版`, icon: 'success' })
  }

  return (
    <View className='card' id='guide-edit-form'>
      <Text className='card__title'>{`${matter.code} · 第${matter.version}版`}</Text>
      <Text className='referral__label'>事项名称</Text>
      <View className='referral__input' id='guide-edit-title'>
        <Input value={title} maxLength={50} onChange={setTitle} />
      </View>
      <Text className='referral__label'>简介</Text>
      <View className='referral__input' id='guide-edit-summary'>
        <TextArea value={summary} maxLength={500} autoSize onChange={setSummary} />
      </View>
      <Text className='referral__label'>同义词（用顿号分隔）</Text>
      <View className='referral__input' id='guide-edit-synonyms'>
        <TextArea value={synonyms} maxLength={900} autoSize onChange={setSynonyms} />
      </View>
      <Text className='referral__label'>群众的说法（用顿号分隔）</Text>
      <View className='referral__input' id='guide-edit-phrases'>
        <TextArea value={phrases} maxLength={1500} autoSize onChange={setPhrases} />
      </View>
      <Toggle id='guide-edit-common' title='首页常办事项' checked={common} onChange={setCommon} />
      {error && <Text className='error-text' id='guide-edit-error'>{error}</Text>}
      <Button block className='block-button' id='guide-edit-save' type='primary' loading={busy} disabled={busy} onClick={() => void save()}>
        保存为新版本
      </Button>
    </View>
  )
}

/** Admins (工作台): find a matter of the 办事指引 and edit it. */
export default function GuideEditPage() {
  const [q, setQ] = useState('')
  const [chosen, setChosen] = useState<ServiceMatterView | null>(null)
  const results = useAsync(() => api.searchGuide(q), [q])
  return (
    <View className='page'>
      <View className='card'>
        <GuideSearch onSearch={(text) => {
          setChosen(null)
          setQ(text)
        }} />
      </View>
      {chosen ? (
        <MatterEditor key={`${chosen.code}-${chosen.version}`} matter={chosen} onSaved={setChosen} />
      ) : (
        <AsyncContent state={results}>
          {(r) => (
            <View className='card' id='guide-edit-list'>
              {r.matters.map((m) => (
                <View key={m.code} id={`guide-edit-${m.code.replace(/\./g, '-')}`} className='list-item' ariaRole='button' onClick={() => setChosen(m)}>
                  <Text className='list-item__title'>{m.title}</Text>
                  <Text className='list-item__meta'>{`${m.category} · 第${m.version}版`}</Text>
                </View>
              ))}
            </View>
          )}
        </AsyncContent>
      )}
    </View>
  )
}
