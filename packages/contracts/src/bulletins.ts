/**
 * Bulletins (公告): 法治宣传, 预警, 辟谣 and 正气, written into a branch's 素材库 or a station's own
 * list, reviewed, and pushed into the groups (一警一群) at most BULLETIN_DAILY_QUOTA times a day per
 * group. Kinds, who writes them, who reviews them and the quota are set here and nowhere else
 * (docs/bulletins.md).
 */
export * from './bulletins/kinds';
export * from './bulletins/content';
export * from './bulletins/api';
export * from './bulletins/share';

/** The mini program's pages for bulletins. */
export const BULLETIN_PAGE = 'pages/bulletin/index';
