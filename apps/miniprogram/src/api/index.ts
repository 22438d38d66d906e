import type {
  CommunityInviteView,
  CommunityView,
  DemoUser,
  DevLoginRequest,
  JoinByCodeRequest,
  LoginResponse,
  MemberType,
  MembershipView,
  MemberView,
  Page,
  RefreshRequest,
  UserView,
  WechatLoginRequest,
  WorkbenchCommunity,
} from '@jws/contracts'

import { request } from './client'

export { ApiError, errorMessage, isApiError } from './errors'

/** List endpoints may answer a bare array or a Page<T>; pages only need the items. */
async function list<T>(promise: Promise<T[] | Page<T>>): Promise<T[]> {
  const body = await promise
  return Array.isArray(body) ? body : body.items
}

/** Typed calls of the HTTP API (all under /api). Pages use these, never URLs. */
export const api = {
  // identity
  demoUsers: () => list(request<DemoUser[] | Page<DemoUser>>('GET', '/api/auth/demo-users', undefined, { auth: false })),
  devLogin: (body: DevLoginRequest) => request<LoginResponse>('POST', '/api/auth/dev-login', body, { auth: false }),
  wechatLogin: (body: WechatLoginRequest) => request<LoginResponse>('POST', '/api/auth/wechat', body, { auth: false }),
  /** Revokes the refresh token (and its family) on the server. */
  logout: (body: RefreshRequest) => request<void>('POST', '/api/auth/logout', body, { auth: false }),
  me: () => request<UserView>('GET', '/api/me'),
  myMemberships: () => list(request<MembershipView[] | Page<MembershipView>>('GET', '/api/me/memberships')),

  // residents joining a community
  joinByCode: (body: JoinByCodeRequest) => request<MembershipView>('POST', '/api/communities/join-by-code', body),
  communityDirectory: () => list(request<CommunityView[] | Page<CommunityView>>('GET', '/api/communities/directory')),
  requestToJoin: (communityId: number, memberType: MemberType) =>
    request<MembershipView>('POST', `/api/communities/${communityId}/join-requests`, { memberType }),

  // 工作台
  workbenchCommunities: () => list(request<WorkbenchCommunity[] | Page<WorkbenchCommunity>>('GET', '/api/workbench/communities')),
  communityMembers: (communityId: number) =>
    list(request<MemberView[] | Page<MemberView>>('GET', `/api/communities/${communityId}/members`)),
  approveMembership: (membershipId: number) => request<unknown>('POST', `/api/memberships/${membershipId}/approve`),
  refuseMembership: (membershipId: number) => request<unknown>('POST', `/api/memberships/${membershipId}/refuse`),
  createInvite: (communityId: number) => request<CommunityInviteView>('POST', `/api/communities/${communityId}/invites`),
}
