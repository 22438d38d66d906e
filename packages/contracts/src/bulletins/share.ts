/**
 * Share cards and the real WeChat group (docs/bulletins.md): a share of a bulletin, a member's
 * open of the card in a WeChat group (the group's openGId decrypted by the service), and the
 * officer's binding of that WeChat group to one of their groups.
 */

/** A share recorded (分享): the card's path carries `shareId`, so an open from it names who shared it. */
export interface BulletinShareResponse {
  shareId: number;
  /** The page and query the card opens (onShareAppMessage's `path`). */
  path: string;
}

/** An open of a group card: getShareInfo(shareTicket)'s encrypted data, as the client received it. */
export interface BulletinOpenRequest {
  encryptedData: string;
  iv: string;
  /** From the card's path, when present. */
  shareId?: number;
}

export interface BulletinOpenResponse {
  /** The open counted (one per person, bulletin and WeChat group; again changes nothing). */
  counted: true;
  /** The WeChat group is bound to one of the station's groups, whose read it counts as. */
  bound: boolean;
}

export type WechatGroupStatus = 'pending' | 'bound';

/** A real WeChat group seen through share cards: pending until an officer binds it to one of their groups. */
export interface WechatGroupView {
  id: number;
  status: WechatGroupStatus;
  /** The group it is bound to. */
  groupId: number | null;
  groupName: string | null;
  /** The bulletin whose card first came from it, and when. */
  firstBulletinTitle: string;
  firstSeenAt: string;
  /** Who shared that card. */
  sharedByName: string | null;
  /** People who opened cards from it. */
  openers: number;
}

export interface BindWechatGroupRequest {
  groupId: number;
}
