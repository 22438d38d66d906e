import {
  FIGURE_COUNTER_LABELS, FIGURE_COUNTERS, FIGURE_RATE_LABELS, FIGURE_RATES, FIGURE_RECORD_TYPE_LABELS, FigureCounter, FigureRecord, FiguresView,
  formatRate,
} from '@jws/contracts';
import { stream as excelStream } from 'exceljs';
import type { Writable } from 'node:stream';
import { chinaDateTime } from '../common/china-time';

/** The node as the title names it: its name, or 本人责任社区 for an officer's own communities. */
export const nodeTitle = (view: FiguresView): string => view.node?.name ?? '本人责任社区';

/** 天桥派出所 数据 2026-12-01 至 2026-12-07 */
export const workbookTitle = (view: FiguresView): string => `${nodeTitle(view)} 数据 ${view.period.from} 至 ${view.period.to}`;

/** The file name, ASCII-safe for the header's `filename` and in full for `filename*`. */
export const workbookFilename = (view: FiguresView): string => `${nodeTitle(view)}-数据-${view.period.from}-${view.period.to}.xlsx`;

/**
 * The figures as an .xlsx, streamed to `out` row by row (exceljs' streaming writer: each row is
 * committed as it is written, and the records come described a chunk at a time, so a month of a
 * city's records is never held as a workbook, nor as a described list, in memory): a sheet 数据 (counters, rates with their rankings, coverage) and one sheet per counter
 * with the records behind it, the node and the period in every sheet's title row.
 */
export async function writeFiguresWorkbook(
  out: Writable, view: FiguresView, records: (counter: FigureCounter) => Promise<AsyncIterable<FigureRecord[]> | null>,
): Promise<void> {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '指尖上的警务室';
  const title = workbookTitle(view);

  const summary = workbook.addWorksheet('数据');
  summary.columns = [{ width: 22 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 12 }];
  summary.addRow([title]).font = { bold: true, size: 14 };
  summary.addRow([view.live ? '含今日实时数据' : '已结束时段']).commit();
  summary.addRow([]).commit();
  summary.addRow(['统计项', '数量']).font = { bold: true };
  for (const c of FIGURE_COUNTERS) summary.addRow([FIGURE_COUNTER_LABELS[c], view.unavailable.includes(c) ? '未接入' : view.counters[c]]).commit();
  summary.addRow([]).commit();
  summary.addRow(['三率', '分子', '分母', '比率']).font = { bold: true };
  for (const r of FIGURE_RATES) {
    const rate = view.rates[r];
    summary.addRow([FIGURE_RATE_LABELS[r], rate.numerator, rate.denominator, formatRate(rate)]).commit();
  }
  for (const r of FIGURE_RATES) {
    if (!view.rankings[r].length) continue;
    summary.addRow([]).commit();
    summary.addRow([`${FIGURE_RATE_LABELS[r]}排名`, '单位', '分子', '分母', '比率']).font = { bold: true };
    for (const row of view.rankings[r]) {
      summary.addRow([row.rank ?? '—', row.self ? `${row.name}（本单位）` : row.name, row.numerator, row.denominator, formatRate(row)]).commit();
    }
  }
  summary.addRow([]).commit();
  summary.addRow(['一警一群覆盖', '数量']).font = { bold: true };
  const coverage: [string, number][] = [
    ['群组', view.coverage.groups], ['群成员', view.coverage.members], ['覆盖群众', view.coverage.residents], ['覆盖企业', view.coverage.enterprises],
  ];
  for (const row of coverage) summary.addRow(row).commit();
  summary.commit();

  for (const c of FIGURE_COUNTERS) {
    const sheet = workbook.addWorksheet(FIGURE_COUNTER_LABELS[c]);
    sheet.columns = [{ width: 18 }, { width: 12 }, { width: 12 }, { width: 40 }, { width: 16 }, { width: 18 }];
    sheet.addRow([`${title} · ${FIGURE_COUNTER_LABELS[c]}`]).font = { bold: true, size: 14 };
    const chunks = await records(c);
    if (!chunks) {
      sheet.addRow(['数据源未接入']).commit();
    } else {
      sheet.addRow(['编号', '记录', '类别', '内容', '社区', '时间']).font = { bold: true };
      for await (const list of chunks) {
        for (const r of list) {
          sheet.addRow([r.number ?? String(r.id), FIGURE_RECORD_TYPE_LABELS[r.type], r.kindLabel, r.title, r.communityName, chinaDateTime(new Date(r.at))]).commit();
        }
      }
    }
    sheet.commit();
  }
  await workbook.commit();
}
