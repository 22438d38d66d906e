import { textLength } from '../org';
import { BULLETIN_BLOCKS_MAX, BULLETIN_BODY_MAX, BULLETIN_IMAGES_MAX, BULLETIN_LEGAL_BASIS_MAX, BULLETIN_TAGS_MAX, BULLETIN_TAG_MAX, BULLETIN_TITLE_MAX, BulletinKind, WarningType } from './kinds';

/* A bulletin's content: structured text, its checks and its conversion to and from the editor's text. */

/** A run of text, bold or not. */
export interface TextRun {
  text: string;
  bold?: boolean;
}

/** The body is structured text: paragraphs and lists of runs, never HTML. */
export type BulletinBlock =
  | { type: 'paragraph'; runs: TextRun[] }
  | { type: 'list'; ordered?: boolean; items: TextRun[][] };

export interface BulletinContent {
  kind: BulletinKind;
  /** For 预警 only. */
  warningType?: WarningType;
  title: string;
  body: BulletinBlock[];
  /** Upload ids (POST /api/uploads), at most BULLETIN_IMAGES_MAX. */
  imageIds?: string[];
  /** 法律依据, e.g. 《中华人民共和国治安管理处罚法》第四十九条. */
  legalBasis?: string;
  tags?: string[];
  /** 预警 only: urgent (紧急), reviewed within BULLETIN_URGENT_REVIEW_MINUTES or escalated. */
  urgent?: boolean;
}

const HTML_TAG = /<\/?[a-zA-Z!?]/;

function runsLength(runs: TextRun[]): number {
  return runs.reduce((n, r) => n + textLength(r.text), 0);
}

/** The problems of a content, in Chinese; empty when it may be saved. Shared by the editor and the service. */
export function bulletinContentProblems(c: BulletinContent): string[] {
  const out: string[] = [];
  const title = (c.title ?? '').trim();
  if (!title) out.push('请填写标题');
  else if (textLength(title) > BULLETIN_TITLE_MAX) out.push(`标题不能超过${BULLETIN_TITLE_MAX}个字`);
  if (c.kind === BulletinKind.Warning && !c.warningType) out.push('请选择预警类型');
  if (c.kind !== BulletinKind.Warning && c.warningType) out.push('只有预警需要选择预警类型');
  if (c.kind !== BulletinKind.Warning && c.urgent) out.push('只有预警可以标为紧急');
  const blocks = Array.isArray(c.body) ? c.body : [];
  const texts: string[] = [title, c.legalBasis ?? '', ...(c.tags ?? [])];
  let length = 0;
  for (const b of blocks) {
    const runs = b.type === 'paragraph' ? b.runs : b.items.flat();
    length += runsLength(runs);
    texts.push(...runs.map((r) => r.text));
  }
  if (length === 0) out.push('请填写正文');
  if (length > BULLETIN_BODY_MAX) out.push(`正文不能超过${BULLETIN_BODY_MAX}个字`);
  if (blocks.length > BULLETIN_BLOCKS_MAX) out.push(`正文不能超过${BULLETIN_BLOCKS_MAX}段`);
  if (texts.some((t) => HTML_TAG.test(t))) out.push('内容不能包含网页代码（如 <script>）');
  if ((c.imageIds?.length ?? 0) > BULLETIN_IMAGES_MAX) out.push(`最多添加${BULLETIN_IMAGES_MAX}张图片`);
  if (c.legalBasis && textLength(c.legalBasis) > BULLETIN_LEGAL_BASIS_MAX) out.push(`法律依据不能超过${BULLETIN_LEGAL_BASIS_MAX}个字`);
  if ((c.tags?.length ?? 0) > BULLETIN_TAGS_MAX) out.push(`最多${BULLETIN_TAGS_MAX}个标签`);
  if ((c.tags ?? []).some((t) => !t.trim() || textLength(t) > BULLETIN_TAG_MAX)) out.push(`每个标签1到${BULLETIN_TAG_MAX}个字`);
  return out;
}

/**
 * The editor's plain text to blocks: a blank line separates paragraphs, lines starting with `- `
 * (or `1. `) make a list, `**粗体**` is bold. Nothing in it is HTML.
 */
export function blocksFromText(text: string): BulletinBlock[] {
  const blocks: BulletinBlock[] = [];
  const runs = (line: string): TextRun[] =>
    line.split(/(\*\*[^*]+\*\*)/).filter(Boolean).map((part) => (/^\*\*[^*]+\*\*$/.test(part) ? { text: part.slice(2, -2), bold: true } : { text: part }));
  for (const chunk of text.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!lines.length) continue;
    const bullet = /^[-•·]\s+/;
    const numbered = /^\d+[.、]\s*/;
    if (lines.every((l) => bullet.test(l)) || lines.every((l) => numbered.test(l))) {
      const ordered = numbered.test(lines[0]);
      blocks.push({ type: 'list', ordered, items: lines.map((l) => runs(l.replace(ordered ? numbered : bullet, ''))) });
    } else {
      blocks.push({ type: 'paragraph', runs: runs(lines.join('\n')) });
    }
  }
  return blocks;
}

/** Blocks back to the editor's text (blocksFromText's inverse). */
export function textFromBlocks(blocks: BulletinBlock[]): string {
  const line = (runs: TextRun[]) => runs.map((r) => (r.bold ? `**${r.text}**` : r.text)).join('');
  return blocks
    .map((b) => (b.type === 'paragraph' ? line(b.runs) : b.items.map((item, i) => `${b.ordered ? `${i + 1}. ` : '- '}${line(item)}`).join('\n')))
    .join('\n\n');
}
