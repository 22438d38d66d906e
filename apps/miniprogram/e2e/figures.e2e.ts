import ExcelJS from 'exceljs';
import { apiAs, expectPath, expectVisibleText, ROUTES, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();

/** Today in China time, the figures' days. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

interface FiguresView { counters: Record<string, number>; unavailable: string[] }
interface FigureTrend { points: { period: { from: string; to: string }; counters: Record<string, number> }[] }

/** How many pixels of the chart's canvas are drawn (not transparent): F2 drew it. */
const drawnPixels = (sel: string): number => {
  const canvas = document.querySelector<HTMLCanvasElement>(`${sel} canvas`) ?? document.querySelector<HTMLCanvasElement>(sel)
  const ctx = canvas?.getContext('2d')
  if (!canvas || !ctx || !canvas.width || !canvas.height) return 0
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
  let n = 0
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++
  return n
}

describe('数据', () => {
  it('station_leader1 opens 数据, sees the six counters, the three rates and the trend charts, drills into 化解矛盾 and downloads the .xlsx', async () => {
    // A dispute settled today in 胜利社区 (天桥派出所).
    const title = `楼上漏水纠纷${Date.now().toString(36)}`;
    const { id } = await apiAs<{ id: number }>('resident1', 'POST', '/api/cases', {
      kind: 'dispute', subcategory: 'neighbour', title, description: '楼上卫生间漏水到我家，协商不成。', contactPreference: 'in_app', anonymity: 'none',
    });
    await apiAs('officer1', 'POST', `/api/cases/${id}/actions`, { action: 'accept' });
    await apiAs('officer1', 'POST', `/api/cases/${id}/actions`, { action: 'resolve', note: '双方已协商一致' });
    const expected = await apiAs<FiguresView>('station_leader1', 'GET', `/api/figures?from=${today()}&to=${today()}`);
    expect(expected.counters.disputesResolved).toBeGreaterThanOrEqual(1);

    const { page } = await browser.open('station_leader1');
    await signInWithDemoSwitcher(page, 'station_leader1');
    await visible(page, '#tab-workbench').click();
    await expectPath(page, ROUTES.workbench);
    await visible(page, '#workbench-figures-open').click();
    await expectPath(page, ROUTES.figures);
    // This month first; then today.
    const month = today().slice(0, 7);
    await expectVisibleText(page, '#figures-title', `天桥派出所 · ${month}-01 至 ${month}-`);
    await visible(page, '#figures-period-day').click();
    await expectVisibleText(page, '#figures-title', `天桥派出所 · ${today()} 至 ${today()}`);
    await expectVisibleText(page, '#figures-counter-disputesResolved', `${expected.counters.disputesResolved}化解矛盾`);
    await expectVisibleText(page, '#figures-counter-anomalies', `${expected.counters.anomalies}收集异常报告`);
    await expectVisibleText(page, '#figures-counter-publicity', `${expected.counters.publicity}法治宣传`);
    await expectVisibleText(page, '#figures-counter-notices', `${expected.counters.notices}提醒告知`);
    await expectVisibleText(page, '#figures-rates', '响应率');
    await expectVisibleText(page, '#figures-rates', '天桥派出所（本单位）');
    await expectVisibleText(page, '#figures-coverage', '覆盖企业');
    // 趋势: the last 12 weeks drawn as charts (F2 on a canvas), and their numbers, this week first.
    const weeks = await apiAs<FigureTrend>('station_leader1', 'GET', '/api/figures/trend?unit=week&count=12');
    const thisWeek = weeks.points[weeks.points.length - 1];
    await expectVisibleText(page, `#figures-trend-${thisWeek.period.from}`, `化解矛盾 ${thisWeek.counters.disputesResolved}`);
    expect(await visible(page, '#figures-trend [id^="figures-trend-2"]').count()).toBe(12);
    for (const chart of ['#figures-chart-counters', '#figures-chart-rates']) {
      await page.waitForFunction(drawnPixels, chart, { timeout: 10_000 });
    }
    // By month: six months, this month first.
    await visible(page, '#figures-trend-unit-month').click();
    await expectVisibleText(page, `#figures-trend-${month}-01`, '化解矛盾');
    expect(await visible(page, '#figures-trend [id^="figures-trend-2"]').count()).toBe(6);
    await page.waitForFunction(drawnPixels, '#figures-chart-counters', { timeout: 10_000 });

    await visible(page, '#figures-counter-disputesResolved').click();
    await expectPath(page, ROUTES.figureRecords);
    await expectVisibleText(page, '#figure-records-title', `化解矛盾 · ${today()} 至 ${today()}`);
    await expectVisibleText(page, '#figure-records-total', `共 ${expected.counters.disputesResolved} 条记录`);
    await expectVisibleText(page, `#figure-record-case-${id}`, title);
    await page.goBack();
    await expectPath(page, ROUTES.figures);

    const [download] = await Promise.all([page.waitForEvent('download'), visible(page, '#figures-download').click()]);
    expect(download.suggestedFilename()).toBe(`天桥派出所-数据-${today()}-${today()}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    expect(book.getWorksheet('数据')?.getCell('A1').value).toBe(`天桥派出所 数据 ${today()} 至 ${today()}`);
    const disputes = book.getWorksheet('化解矛盾');
    expect(disputes?.getColumn(4).values).toContain(title);
  });
});
