import { BulletinBlock, BulletinSecCheck } from '@jws/contracts';
import { WechatClient } from '@jws/wechat';
import { Injectable, Logger } from '@nestjs/common';
import { Accounts } from '../identity';
import { UploadsService } from '../uploads';

/** What WeChat's content check said of a version: clear, for a person to look at, or risky (held, with the reason). */
export type ContentVerdict = { verdict: BulletinSecCheck } | { verdict: 'risky'; reason: string };

/** msgSecCheck's labels, as the author reads them. */
const LABELS: Record<number, string> = {
  10001: '广告', 20001: '时政', 20002: '色情', 20003: '辱骂', 20006: '违法犯罪', 20008: '欺诈', 20012: '低俗', 20013: '版权', 21000: '其他不当内容',
};

/** The version's text, as one piece for msgSecCheck: title, body, 法律依据 and tags. */
export function versionText(v: { title: string; body: BulletinBlock[]; legalBasis: string | null; tags: string[] }): string {
  const runs = v.body.flatMap((b) => (b.type === 'paragraph' ? b.runs : b.items.flat())).map((r) => r.text);
  return [v.title, ...runs, v.legalBasis ?? '', ...v.tags].filter(Boolean).join('\n');
}

/**
 * WeChat's content check of a bulletin before review (docs/bulletins.md): msgSecCheck (version 2,
 * scene 3) on its text with the author's openid, and img_sec_check on each image. Risky text or a
 * risky image holds it with a reason; `review`, no openid, or WeChat failing or not answering hands
 * it to the reviewer marked so — never dropped, never passed unseen.
 */
@Injectable()
export class BulletinContentCheck {
  private readonly logger = new Logger(BulletinContentCheck.name);

  constructor(
    private readonly wechat: WechatClient,
    private readonly accounts: Accounts,
    private readonly uploads: UploadsService,
  ) {}

  async check(bulletinId: number, authorId: number, text: string, imageIds: string[]): Promise<ContentVerdict> {
    const verdicts: ContentVerdict[] = [await this.checkText(authorId, text)];
    for (const [i, id] of imageIds.entries()) verdicts.push(await this.checkImage(bulletinId, id, i + 1));
    return verdicts.find((v) => v.verdict === 'risky')
      ?? verdicts.find((v) => v.verdict === 'review')
      ?? verdicts.find((v) => v.verdict === 'unchecked')
      ?? { verdict: 'pass' };
  }

  private async checkText(authorId: number, text: string): Promise<ContentVerdict> {
    const openid = (await this.accounts.openids([authorId])).get(authorId);
    // Version 2 needs the openid of someone who used the mini program lately; without one a person checks.
    if (!openid) return { verdict: 'unchecked' };
    try {
      const result = await this.wechat.msgSecCheck({ openid, content: text, scene: 3 });
      if (result.suggest === 'risky') return { verdict: 'risky', reason: `文字未通过内容安全检查（疑似${LABELS[result.label] ?? '不当内容'}），请修改后重新提交` };
      return { verdict: result.suggest };
    } catch (err) {
      this.logger.warn(`msgSecCheck unavailable, bulletin goes to human review: ${err instanceof Error ? err.message : String(err)}`);
      return { verdict: 'unchecked' };
    }
  }

  private async checkImage(bulletinId: number, imageId: string, n: number): Promise<ContentVerdict> {
    try {
      const image = await this.uploads.readBulletinImage(bulletinId, imageId);
      const result = await this.wechat.imgSecCheck({ image: image.buffer, contentType: image.contentType });
      return result.suggest === 'risky' ? { verdict: 'risky', reason: `第${n}张图片未通过内容安全检查，请更换后重新提交` } : { verdict: 'pass' };
    } catch (err) {
      this.logger.warn(`img_sec_check unavailable, bulletin goes to human review: ${err instanceof Error ? err.message : String(err)}`);
      return { verdict: 'unchecked' };
    }
  }
}
