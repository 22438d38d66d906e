import { randomBytes } from 'node:crypto';
import { encryptWechatData } from '../decrypt';
import { randomId } from './http';

/**
 * The fake's session keys and WeChat groups: jscode2session hands out a fresh session_key per
 * login and remembers the latest per openid; `shareInfo` answers what getShareInfo(shareTicket)
 * gives a member who opened a card in a group: the group's openGId (stable per group name and
 * appid), encrypted with that member's current session_key (shared/WECHAT.md).
 */
export class FakeShareInfo {
  #sessionKeys = new Map<string, string>();
  #groups = new Map<string, string>();

  constructor(private readonly appId: string, private readonly now: () => number) {}

  /** A new session_key for the openid (each login), replacing the previous one. */
  newSession(openid: string): string {
    const key = randomBytes(16).toString('base64');
    this.#sessionKeys.set(openid, key);
    return key;
  }

  /** The openid's current session_key (tests check it never leaves the service). */
  sessionKey(openid: string): string | undefined {
    return this.#sessionKeys.get(openid);
  }

  /** The openGId of a WeChat group of this mini program, by the group's name in the test. */
  openGId(group: string): string {
    let id = this.#groups.get(group);
    if (!id) this.#groups.set(group, (id = `tG${randomId(26).replace(/[^A-Za-z0-9]/g, 'x')}`));
    return id;
  }

  /**
   * getShareInfo's `{ encryptedData, iv }` for `openid` opening a card in `group`; undefined when
   * the openid never logged in. `appId` overrides the watermark's (a card from another mini program).
   */
  shareInfo(openid: string, group: string, appId = this.appId): { encryptedData: string; iv: string; openGId: string } | undefined {
    const key = this.#sessionKeys.get(openid);
    if (!key) return undefined;
    const openGId = this.openGId(group);
    return { ...encryptWechatData(key, { openGId, watermark: { appid: appId, timestamp: Math.floor(this.now() / 1000) } }), openGId };
  }

  clear(): void {
    this.#sessionKeys.clear();
    this.#groups.clear();
  }
}
