/**
 * 消息投递失败 end to end: WeChat refuses a resident's subscribe message for good (the fake WeChat
 * server answers 40003 once), so it becomes a dead letter; an admin finds it from 工作台 with
 * whom it was for (masked), which notice and which case, WeChat's answer and that it was not
 * retried; sends it again, is told it was sent, and it leaves the list. A community officer has
 * no such card.
 */
import { randomUUID } from 'node:crypto';
import { apiAs, expectPath, expectVisibleText, openPath, ROUTES, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';
import { baseUrl, fakeWechatUrl } from './support/paths';

const browser = useBrowser();
const TITLE = `订阅消息发不出去${Date.now().toString(36)}`;

async function post<T>(url: string, body: unknown, token?: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`POST ${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface DeadLetter { id: number; topic: string; lastError: string | null; caseNumber: string | null }

/** The dead letters as admins get them, once one has arrived (the outbox worker runs every second in e2e). */
async function deadLettersOnceThere(): Promise<DeadLetter[]> {
  const until = Date.now() + 15_000;
  for (;;) {
    const letters = await apiAs<DeadLetter[]>('admin1', 'GET', '/api/admin/outbox/dead');
    if (letters.some((l) => l.lastError?.includes('40003'))) return letters;
    if (Date.now() > until) throw new Error(`no dead letter with 40003 after 15 s: ${JSON.stringify(letters)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('消息投递失败', () => {
  it('a subscribe message WeChat refuses is listed for admins with the reason, and sent again from there', async () => {
    // A WeChat user (with an openid to send to) joins 胜利社区 and reports; WeChat will refuse the message.
    await post(`${fakeWechatUrl()}/__fake/fail-next`, { path: '/cgi-bin/message/subscribe/send', errcode: 40003, errmsg: 'invalid openid' });
    const openid = `e2e-dead-${Date.now().toString(36)}`;
    const login = await post<{ accessToken: string }>(`${baseUrl()}/api/auth/wechat`, { code: `demo:${openid}` });
    await post(`${baseUrl()}/api/communities/join-by-code`, { code: 'SHENGLI2026' }, login.accessToken);
    const report = await post<{ number: string }>(
      `${baseUrl()}/api/cases`,
      { kind: 'service_need', subcategory: 'other', title: TITLE, description: '想问一下居住证怎么续签。', contactPreference: 'in_app', anonymity: 'none' },
      login.accessToken,
      { 'idempotency-key': randomUUID() },
    );
    const letter = (await deadLettersOnceThere()).find((l) => l.lastError?.includes('40003'));
    if (!letter) throw new Error('unreachable: deadLettersOnceThere returned without the letter');

    const officer = (await browser.open('officer1')).page;
    await signInWithDemoSwitcher(officer, 'officer1');
    await openPath(officer, ROUTES.workbench);
    await visible(officer, '#workbench-queue').waitFor();
    expect(await officer.locator('#workbench-dead-letters').count()).toBe(0);

    const { page } = await browser.open('admin1');
    await signInWithDemoSwitcher(page, 'admin1');
    await visible(page, '#tab-workbench').click();
    await expectPath(page, ROUTES.workbench);
    expect(await page.locator('#workbench-empty').count()).toBe(0);
    await visible(page, '#workbench-dead-letters-open').click();
    await expectPath(page, ROUTES.deadLetters);
    const row = `#dead-letter-${letter.id}`;
    await expectVisibleText(page, row, '微信订阅消息');
    // Whom (masked, as the app masks names), which notice, which case (the admin may open it).
    await expectVisibleText(page, `#dead-letter-title-${letter.id}`, '已收到您的上报');
    await expectVisibleText(page, row, '接收人：居*****');
    await expectVisibleText(page, `#dead-letter-case-${letter.id}`, `案件 ${report.number}`);
    // WeChat refused the request: one try, and the row says it was not retried.
    await expectVisibleText(page, `#dead-letter-attempts-${letter.id}`, '微信拒收（不再重试）');
    await expectVisibleText(page, `#dead-letter-hint-${letter.id}`, '接收人 openid 无效');
    await expectVisibleText(page, row, '失败原因：errcode 40003: invalid openid');
    // Neither the report's text nor the openid.
    const listed = await visible(page, '#dead-letters-list').innerText();
    expect(listed).not.toContain(TITLE);
    expect(listed).not.toContain(openid);

    // The cause is fixed (the resident accepts a subscription): 重新发送 sends it and says so.
    await post(`${fakeWechatUrl()}/__fake/subscriptions`, { openid, templateId: 'demo-case-update-template', count: 1 });

    await visible(page, `#dead-letter-retry-${letter.id}`).click();
    await visible(page, row).waitFor({ state: 'detached' });
    await expectVisibleText(page, '#dead-letters-result', '已重新发送：微信已接收');
    const after = await apiAs<DeadLetter[]>('admin1', 'GET', '/api/admin/outbox/dead');
    expect(after.map((l) => l.id)).not.toContain(letter.id);
  });
});
