import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import type { ServiceMatterUpdate, ServiceMatterVersion, ServiceMatterView } from '@jws/contracts'

import { api } from '../../api'
import GuideSearch from '../../components/GuideSearch'
import { AsyncContent } from '../../components/StatusBlock'
import Toggle from '../../components/Toggle'
import { useAsync } from '../../hooks/useAsync'
import { useSubmit } from '../../hooks/useSubmit'
import { formatDateTime } from '../../lib/labels'
import '../referral.scss'

const splitWords = (text: string) => text.split(/[、,，;；\n]+/).map((w) => w.trim()).filter(Boolean)

interface MatterWording { title: string; summary: string; synonyms: string[]; phrases: string[] }

/** What the server would refuse, said before sending (the same limits as its ServiceMatterUpdateDto). */
function wordingProblems(w: MatterWording): string[] {
  const problems: string[] = []
  if (!w.title) problems.push('请填写事项名称')
  else if (w.title.length > 50) problems.push('事项名称不能超过50个字')
  if (!w.summary) problems.push('请填写简介')
  else if (w.summary.length > 500) problems.push('简介不能超过500个字')
  if (w.synonyms.length > 30) problems.push('同义词最多30个')
  if (w.synonyms.some((s) => s.length > 30)) problems.push('每个同义词不能超过30个字')
  if (w.phrases.length > 30) problems.push('群众的说法最多30条')
  if (w.phrases.some((p) => p.length > 50)) problems.push('每条群众的说法不能超过50个字')
  return problems
}

/** What a save sends for `m`'s content (the routes without the app-link the server adds). */
const updateOf = (m: ServiceMatterView): ServiceMatterUpdate => ({
  title: m.title, category: m.category, synonyms: m.synonyms, phrases: m.phrases, summary: m.summary,
  routes: m.routes.map(({ miniProgram: _mp, ...route }) => route), assist: m.assist, common: Boolean(m.common),
  ...(m.emergency ? { emergency: m.emergency } : {}),
})

/**
 * 历史版本: every saved version, newest first. 恢复 saves an old version's content as a new version
 * (history is never rewritten), after asking, since residents see it at once.
 */
function MatterHistory({ matter, onSaved }: { matter: ServiceMatterView; onSaved: (m: ServiceMatterView) => void }) {
  const versions = useAsync(() => api.matterVersions(matter.code), [matter.code, matter.version])
  const { busy, error, run } = useSubmit()

  async function restore(v: ServiceMatterVersion) {
    const { confirm } = await Taro.showModal({
      title: '恢复历史版本',
      content: `将第${v.version}版的内容保存为第${matter.version + 1}版，居民立即看到；当前的第${matter.version}版仍留档。`,
      confirmText: '恢复',
    })
    if (!confirm) return
    const saved = await run(() => api.updateMatter(matter.code, updateOf(v)))
    if (!saved) return
    onSaved(saved)
    void Taro.showToast({ title: `已恢复为第${saved.version}版`, icon: 'success' })
  }

  return (
    <View className='card' id='guide-history'>
      <Text className='card__title'>历史版本</Text>
      <AsyncContent state={versions}>
        {(list) => (
          <View>
            {list.map((v) => (
              <View key={v.version} className='list-item' id={`guide-history-${v.version}`}>
                <Text className='list-item__title'>{`第${v.version}版 · ${v.title}`}</Text>
                <Text className='list-item__meta'>{`${formatDateTime(v.savedAt)}${v.current ? ' · 当前版本' : ''}`}</Text>
                {!v.current && (
                  <Button size='small' fill='outline' type='primary' id={`guide-history-restore-${v.version}`} disabled={busy} onClick={() => void restore(v)}>
                    恢复此版本
                  </Button>
                )}
              </View>
            ))}
          </View>
        )}
      </AsyncContent>
      {error && <Text className='error-text' id='guide-history-error'>{error}</Text>}
    </View>
  )
}

/** Edits the wording of one matter; every save is a new version (the routes are kept as they are). */
function MatterEditor({ matter, onSaved, onBack }: { matter: ServiceMatterView; onSaved: (m: ServiceMatterView) => void; onBack: () => void }) {
  const [title, setTitle] = useState(matter.title)
  const [summary, setSummary] = useState(matter.summary)
  const [synonyms, setSynonyms] = useState(matter.synonyms.join('、'))
  const [phrases, setPhrases] = useState(matter.phrases.join('、'))
  const [common, setCommon] = useState(Boolean(matter.common))
  const { busy, error, setError, run } = useSubmit()

  async function save() {
    const wording: MatterWording = { title: title.trim(), summary: summary.trim(), synonyms: splitWords(synonyms), phrases: splitWords(phrases) }
    const problems = wordingProblems(wording)
    if (problems.length) {
      setError(problems.join('；'))
      return
    }
    const saved = await run(() => api.updateMatter(matter.code, { ...updateOf(matter), ...wording, common }))
    if (!saved) return
    onSaved(saved)
    void Taro.showToast({ title: `已保存为第${saved.version}版`, icon: 'success' })
  }

  return (
    <View className='card' id='guide-edit-form'>
      <Text className='card__title' id='guide-edit-heading'>{`${matter.title} · 第${matter.version}版`}</Text>
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
      <Button block className='block-button' id='guide-edit-back' fill='outline' type='primary' onClick={onBack}>
        返回事项列表
      </Button>
    </View>
  )
}

/** Admins (工作台): every matter in the guide's order, or those a search finds; tap one to edit it. */
export default function GuideEditPage() {
  const [q, setQ] = useState('')
  const [chosen, setChosen] = useState<ServiceMatterView | null>(null)
  const results = useAsync(async () => (q ? (await api.searchGuide(q)).matters : api.listMatters()), [q])
  return (
    <View className='page'>
      <View className='card'>
        <GuideSearch allowEmpty onSearch={(text) => {
          setChosen(null)
          setQ(text)
        }} />
      </View>
      {chosen ? (
        <>
          <MatterEditor
            key={`${chosen.code}-${chosen.version}`}
            matter={chosen}
            onSaved={setChosen}
            onBack={() => {
              setChosen(null)
              void results.reload()
            }}
          />
          <MatterHistory matter={chosen} onSaved={setChosen} />
        </>
      ) : (
        <AsyncContent state={results}>
          {(matters) => (
            <View className='card' id='guide-edit-list'>
              <Text className='card__title'>{q ? `“${q}”的搜索结果` : `全部事项（${matters.length}项）`}</Text>
              {matters.length === 0 && <Text className='muted' id='guide-edit-none'>没有找到对应的事项，清空搜索可查看全部事项</Text>}
              {matters.map((m) => (
                <View key={m.code} id={`guide-edit-${m.code.replace(/\./g, '-')}`} className='list-item' ariaRole='button' onClick={() => setChosen(m)}>
                  <Text className='list-item__title'>{m.title}</Text>
                  <Text className='list-item__meta'>{`${m.category} · 第${m.version}版${m.common ? ' · 首页常办' : ''}`}</Text>
                </View>
              ))}
            </View>
          )}
        </AsyncContent>
      )}
    </View>
  )
}
