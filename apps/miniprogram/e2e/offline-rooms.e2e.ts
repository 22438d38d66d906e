/**
 * 警民联调室 end to end: a station leader of 天桥派出所 adds a room from 工作台, gives it a slot
 * tomorrow (China time), is told when the same slot is added twice, cancels the free slot and
 * retires the room. A resident is refused the page.
 */
import { confirmModal, expectPath, expectVisibleText, idNumber, openPath, pickDate, pickTime, ROUTES, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();

/** The China (UTC+8) calendar date `days` from now: the page reads and writes slots in China time. */
function chinaDate(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

describe('警民联调室', () => {
  it('a station leader adds a room and a slot, is told the slot is taken, cancels the slot and retires the room', async () => {
    const { page } = await browser.open('station_leader1');
    await signInWithDemoSwitcher(page, 'station_leader1');
    await visible(page, '#tab-workbench').click();
    await expectPath(page, ROUTES.workbench);
    await expectVisibleText(page, '#workbench-offline-rooms-open', '警民联调室');
    await visible(page, '#workbench-offline-rooms-open').click();
    await expectPath(page, ROUTES.offlineRooms);
    // The demo station's own room is listed (active).
    await expectVisibleText(page, '#offline-rooms-list', '天桥派出所警民联调室');

    await visible(page, '#offline-room-new-name input').fill('纬四路联调室');
    await visible(page, '#offline-room-new-address textarea').fill('纬四路社区服务中心二楼');
    await visible(page, '#offline-room-new-submit').click();
    const card = visible(page, '#offline-rooms-list [id^="offline-room-"]', '纬四路联调室').first();
    await card.waitFor();
    const roomId = await idNumber(card, 'offline-room-');
    await expectVisibleText(page, `#offline-room-${roomId}`, '纬四路社区服务中心二楼');
    await expectVisibleText(page, `#offline-room-${roomId}`, '暂无时段');
    // A created room empties the form for the next one.
    expect(await visible(page, '#offline-room-new-name input').inputValue()).toBe('');

    const tomorrow = chinaDate(1);
    await pickDate(page, `#offline-slot-date-${roomId}`, tomorrow);
    await pickTime(page, `#offline-slot-start-${roomId}`, '10:00');
    await pickTime(page, `#offline-slot-end-${roomId}`, '11:00');
    await visible(page, `#offline-slot-submit-${roomId}`).click();
    const slotText = `${tomorrow} 10:00–11:00`;
    const slot = visible(page, `#offline-room-slots-${roomId} [id^="offline-slot-"]`, slotText).first();
    await slot.waitFor();
    const slotId = await idNumber(slot, 'offline-slot-');
    await expectVisibleText(page, `#offline-slot-${slotId}`, '可预约');

    // The same start again: the server's SLOT_TAKEN message, and the form keeps the picked values.
    await visible(page, `#offline-slot-submit-${roomId}`).click();
    await expectVisibleText(page, `#offline-slot-error-${roomId}`, '已被预约');
    await expectVisibleText(page, `#offline-slot-date-${roomId}`, tomorrow);
    await expectVisibleText(page, `#offline-slot-start-${roomId}`, '10:00');
    await expectVisibleText(page, `#offline-slot-end-${roomId}`, '11:00');
    expect(await visible(page, `#offline-room-slots-${roomId} [id^="offline-slot-"]`, slotText).count()).toBe(1);

    await visible(page, `#offline-slot-cancel-${slotId}`).click();
    await confirmModal(page, '取消时段', '取消时段');
    await page.locator(`#offline-slot-${slotId}`).waitFor({ state: 'detached' });
    await expectVisibleText(page, `#offline-room-${roomId}`, '暂无时段');

    await visible(page, `#offline-room-retire-${roomId}`).click();
    await confirmModal(page, '停用联调室', '停用');
    await expectVisibleText(page, `#offline-room-${roomId}`, '已停用');
    expect(await visible(page, `#offline-room-${roomId}`).innerText()).not.toContain('新增时段');
    expect(await page.locator(`#offline-room-retire-${roomId}, #offline-slot-submit-${roomId}`).count()).toBe(0);
    // Retired rooms come after the active ones.
    const order = await visible(page, '#offline-rooms-list > [id^="offline-room-"]').evaluateAll((els) => els.map((el) => el.id));
    expect(order[order.length - 1]).toBe(`offline-room-${roomId}`);
  });

  it('a resident is refused the 警民联调室 page', async () => {
    const { page } = await browser.open('resident1');
    await signInWithDemoSwitcher(page, 'resident1');
    expect(await page.locator('#tab-workbench').count()).toBe(0);

    await openPath(page, ROUTES.offlineRooms);
    await expectVisibleText(page, '#offline-rooms-error', '没有权限');
    expect(await page.locator('#offline-rooms-list, #offline-room-new').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('天桥派出所警民联调室');
  });
});
