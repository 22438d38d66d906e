/* 传言 (rumour reports) and their 辟谣 (docs/bulletins.md, "Rumours"). */

export const RUMOUR_TEXT_MAX = 500;
export const RUMOUR_PLACE_MAX = 50;
/** Reports one 辟谣 may link. */
export const RUMOUR_LINKS_MAX = 20;

/**
 * The reserved urgent slot: a 辟谣 may take this many pushes per group per China day beyond
 * BULLETIN_DAILY_QUOTA (slots quota+1..quota+N); no other kind may take them.
 */
export const RUMOUR_RESERVED_SLOTS = 1;

export enum RumourStatus {
  /** 待辟谣: not linked yet, or linked to a 辟谣 not approved yet. */
  Open = 'open',
  /** 已辟谣: its 辟谣 was approved. */
  Debunked = 'debunked',
}

export const RUMOUR_STATUS_LABELS: Record<RumourStatus, string> = {
  [RumourStatus.Open]: '待核实',
  [RumourStatus.Debunked]: '已辟谣',
};

export interface CreateRumourReportRequest {
  /** What the rumour says. */
  text: string;
  /** The group where it was seen, or (seen elsewhere) the reporter's own group: the 辟谣 goes there. */
  groupId: number;
  /** Where else it was seen (朋友圈, 小区门口…). */
  place?: string;
  /** A screenshot: an upload id (POST /api/uploads). */
  screenshotId?: string;
}

export interface RumourReportView {
  id: number;
  text: string;
  groupId: number;
  groupName: string;
  place: string | null;
  /** The screenshot's URL (GET /api/rumours/{id}/screenshot), or null. */
  screenshotUrl: string | null;
  status: RumourStatus;
  createdAt: string;
  /** The 辟谣 it is linked to (once approved, 已辟谣 links to it). */
  bulletinId: number | null;
  bulletinTitle: string | null;
  debunkedAt: string | null;
  /** Who reported it: 居民 or 民警, never a name in lists. */
  reporterKind: 'resident' | 'staff';
}

/** One report for the staff: its reporter's name and masked phone only for the group's responsible officer (audited read). */
export interface RumourReportDetail extends RumourReportView {
  reporterName: string | null;
  reporterPhone: string | null;
}

/** A group the caller may report a rumour in (their own groups; police also their jurisdiction's). */
export interface RumourGroup { id: number; name: string }

export interface LinkRumoursRequest { reportIds: number[] }
