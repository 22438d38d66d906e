import type { BulletinContent, BulletinKind, BulletinOpenRequest, BulletinStatus, PushBulletinRequest, ReviewBulletinRequest, WechatGroupStatus } from '@jws/contracts'

import { call } from './client'

/** The bulletin (公告) routes of the API table, for the home feed, the detail page and packageBulletin (docs/bulletins.md). */
export const bulletinsApi = {
  /** The signed-in person's bulletins from their groups, newest first. */
  feed: (page = 1, pageSize = 5, kind?: BulletinKind) => call('GET /api/bulletins/feed', { query: { page, pageSize, kind } }),
  /** Staff lists: what the caller may push (approved), their review queue (pending_review) or their own (mine). */
  list: (query: { status?: BulletinStatus; mine?: 'true'; page?: number; pageSize?: number }) => call('GET /api/bulletins', { query }),
  pushGroups: () => call('GET /api/bulletins/push-groups'),
  detail: (id: number) => call('GET /api/bulletins/:id', { params: { id } }),
  create: (body: BulletinContent) => call('POST /api/bulletins', { body }),
  update: (id: number, body: BulletinContent) => call('PUT /api/bulletins/:id', { params: { id }, body }),
  submit: (id: number) => call('POST /api/bulletins/:id/submit', { params: { id } }),
  review: (id: number, body: ReviewBulletinRequest) => call('POST /api/bulletins/:id/review', { params: { id }, body }),
  withdraw: (id: number, reason: string) => call('POST /api/bulletins/:id/withdraw', { params: { id }, body: { reason } }),
  push: (id: number, body: PushBulletinRequest) => call('POST /api/bulletins/:id/pushes', { params: { id }, body }),
  markRead: (id: number) => call('POST /api/bulletins/:id/read', { params: { id } }),
  markUseful: (id: number) => call('POST /api/bulletins/:id/useful', { params: { id } }),
  figures: (id: number) => call('GET /api/bulletins/:id/figures', { params: { id } }),
  /** 警务公告 subscribe messages: how many WeChat may still deliver, and the template to ask for. */
  subscription: () => call('GET /api/bulletin-subscription'),
  answerSubscription: (accepted: boolean) => call('POST /api/bulletin-subscription', { body: { accepted } }),
  pushFigures: (from?: string, to?: string) => call('GET /api/bulletins/push-figures', { query: { from, to } }),
  /** 分享: records the share; the card's path carries its id. */
  share: (id: number) => call('POST /api/bulletins/:id/shares', { params: { id } }),
  /** An open from a card in a WeChat group: getShareInfo's encrypted data, which only the service can read. */
  open: (id: number, body: BulletinOpenRequest) => call('POST /api/bulletins/:id/opens', { params: { id }, body }),
  wechatGroups: (status?: WechatGroupStatus) => call('GET /api/wechat-groups', { query: { status } }),
  bindWechatGroup: (id: number, groupId: number) => call('POST /api/wechat-groups/:id/binding', { params: { id }, body: { groupId } }),
}
