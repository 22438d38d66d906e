import { afterLoginUrl, loginUrl, roomInviteUrl, ROUTES } from './paths'

describe('signing in from where the person was', () => {
  it('comes back to the page and query a deep link opened', () => {
    const login = loginUrl('/pages/case/index?id=42')
    const redirect = new URLSearchParams(login.split('?')[1]).get('redirect') ?? undefined
    expect(afterLoginUrl(redirect)).toBe('/pages/case/index?id=42')
    expect(afterLoginUrl(encodeURIComponent(ROUTES.report))).toBe(ROUTES.report)
  })

  it('comes back to the mediation room with the invitation code that was typed', () => {
    const room = roomInviteUrl('Ab3_x-9Z')
    expect(room).toBe('/packageMediation/room/index?invite=Ab3_x-9Z')
    const redirect = new URLSearchParams(loginUrl(room).split('?')[1]).get('redirect') ?? undefined
    expect(afterLoginUrl(redirect)).toBe(room)
  })

  it('goes to 首页 for no redirect, the login page itself, or anything that is not a page of the app', () => {
    expect(afterLoginUrl(undefined)).toBe(ROUTES.home)
    expect(afterLoginUrl(ROUTES.login)).toBe(ROUTES.home)
    expect(afterLoginUrl('https://evil.example/pages/home/index')).toBe(ROUTES.home)
    expect(afterLoginUrl('/pages/nowhere/index')).toBe(ROUTES.home)
    expect(loginUrl()).toBe(ROUTES.login)
  })
})
