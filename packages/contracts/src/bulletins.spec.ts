import { blocksFromText, bulletinContentProblems, BulletinKind, BULLETIN_REVIEW, textFromBlocks, WarningType } from './bulletins';

const content = (over: Partial<Parameters<typeof bulletinContentProblems>[0]> = {}) => ({
  kind: BulletinKind.Warning, warningType: WarningType.Prevention, title: '警惕冒充客服退款诈骗', body: blocksFromText('接到自称客服的电话要求退款，**先挂断**再核实。'), ...over,
});

describe('bulletin content', () => {
  it('turns the editor text into paragraphs, lists and bold runs, and back', () => {
    const text = '第一段，**重点**在这里。\n\n- 不点陌生链接\n- 不转账';
    const blocks = blocksFromText(text);
    expect(blocks).toEqual([
      { type: 'paragraph', runs: [{ text: '第一段，' }, { text: '重点', bold: true }, { text: '在这里。' }] },
      { type: 'list', ordered: false, items: [[{ text: '不点陌生链接' }], [{ text: '不转账' }]] },
    ]);
    expect(textFromBlocks(blocks)).toBe(text);
  });

  it('accepts a plain warning and names each problem in Chinese', () => {
    expect(bulletinContentProblems(content())).toEqual([]);
    expect(bulletinContentProblems(content({ title: '' }))).toEqual(['请填写标题']);
    expect(bulletinContentProblems(content({ title: '字'.repeat(41) }))).toEqual(['标题不能超过40个字']);
    expect(bulletinContentProblems(content({ body: blocksFromText('长'.repeat(20_000)) }))).toEqual(['正文不能超过5000个字']);
    expect(bulletinContentProblems(content({ body: blocksFromText('<script>alert(1)</script>') }))).toEqual(['内容不能包含网页代码（如 <script>）']);
    expect(bulletinContentProblems(content({ imageIds: Array(10).fill('x') }))).toEqual(['最多添加9张图片']);
    expect(bulletinContentProblems(content({ warningType: undefined }))).toEqual(['请选择预警类型']);
  });

  it('always sends 预警 and 辟谣 to the 法治部门', () => {
    expect(BULLETIN_REVIEW[BulletinKind.Warning]).toBe('legal');
    expect(BULLETIN_REVIEW[BulletinKind.Rumour]).toBe('legal');
  });
});
