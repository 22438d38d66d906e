import type { CreateRumourReportRequest, RumourStatus } from '@jws/contracts'

import { call } from './client'

/** 传言 (rumour reports) and their 辟谣 (docs/bulletins.md "Rumours"). */
export const rumoursApi = {
  report: (body: CreateRumourReportRequest) => call('POST /api/rumours', { body }),
  groups: () => call('GET /api/rumours/groups'),
  mine: (page = 1, pageSize = 20) => call('GET /api/rumours/mine', { query: { page, pageSize } }),
  /** Staff: the reports of their scope. */
  list: (page = 1, pageSize = 20, status?: RumourStatus) => call('GET /api/rumours', { query: { page, pageSize, status } }),
  detail: (id: number) => call('GET /api/rumours/:id', { params: { id } }),
  link: (bulletinId: number, reportIds: number[]) => call('PUT /api/bulletins/:id/rumours', { params: { id: bulletinId }, body: { reportIds } }),
  linked: (bulletinId: number) => call('GET /api/bulletins/:id/rumours', { params: { id: bulletinId } }),
}
