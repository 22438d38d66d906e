import { scheduledAt } from './push-schedule'

describe('定时推送 time', () => {
  // 2026-12-08 10:00 in China.
  const now = Date.parse('2026-12-08T02:00:00.000Z')

  it('reads the picked date and clock as China time', () => {
    expect(scheduledAt('2026-12-08', '18:30', now)).toEqual({ at: '2026-12-08T10:30:00.000Z' })
  })

  it('refuses a time that is not in the future, or a missing one', () => {
    expect(scheduledAt('2026-12-08', '10:00', now)).toEqual({ problem: '定时推送的时间必须晚于现在' })
    expect(scheduledAt('2026-12-07', '23:00', now)).toEqual({ problem: '定时推送的时间必须晚于现在' })
    expect(scheduledAt('', '09:00', now)).toEqual({ problem: '请选择定时推送的日期和时间' })
  })

  it('refuses more than 30 days ahead', () => {
    expect(scheduledAt('2027-01-08', '09:00', now)).toEqual({ problem: '定时推送最多提前30天' })
  })
})
