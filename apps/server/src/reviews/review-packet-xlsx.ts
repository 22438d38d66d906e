import {
  CASE_STATUS_LABELS, FIGURE_COUNTER_LABELS, FIGURE_COUNTERS, FIGURE_RATE_LABELS, FIGURE_RATES, formatRate, REVIEW_UNIT_LABELS, ReviewPacket,
} from '@jws/contracts';
import { stream as excelStream } from 'exceljs';
import type { Writable } from 'node:stream';
import { chinaDateTime } from '../common/china-time';

/** 天桥派出所 每周会商研判材料 2026-12-07 至 2026-12-13 */
export const packetTitle = (p: ReviewPacket): string => `${p.node.name} ${REVIEW_UNIT_LABELS[p.unit]}研判材料 ${p.period.from} 至 ${p.period.to}`;

export const packetFilename = (p: ReviewPacket): string => `${p.node.name}-研判材料-${p.period.from}-${p.period.to}.xlsx`;

const readRate = (members: number, readers: number): string => (members ? `${Math.round((readers / members) * 1000) / 10}%` : '—');

/**
 * The packet as an .xlsx, streamed row by row with exceljs' streaming writer (like the figures'
 * workbook): a sheet 研判材料 (figures, rates, counts) and one sheet per list, the node and the period
 * in every title row.
 */
export async function writePacketWorkbook(out: Writable, p: ReviewPacket): Promise<void> {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '指尖上的警务室';
  const title = packetTitle(p);
  const sheet = (name: string, header: string[], rows: (string | number)[][]) => {
    const s = workbook.addWorksheet(name);
    s.columns = header.map((_, i) => ({ width: i === 1 ? 36 : 16 }));
    s.addRow([`${title} · ${name}`]).font = { bold: true, size: 14 };
    if (!rows.length) s.addRow(['无']).commit();
    else {
      s.addRow(header).font = { bold: true };
      for (const r of rows) s.addRow(r).commit();
    }
    s.commit();
  };

  const summary = workbook.addWorksheet('研判材料');
  summary.columns = [{ width: 22 }, { width: 16 }, { width: 16 }, { width: 16 }];
  summary.addRow([title]).font = { bold: true, size: 14 };
  summary.addRow([`生成时间 ${chinaDateTime(new Date(p.preparedAt))}`]).commit();
  summary.addRow([]).commit();
  summary.addRow(['统计项', '数量']).font = { bold: true };
  for (const c of FIGURE_COUNTERS) summary.addRow([FIGURE_COUNTER_LABELS[c], p.figures.unavailable.includes(c) ? '未接入' : p.figures.counters[c]]).commit();
  summary.addRow([]).commit();
  summary.addRow(['三率', '分子', '分母', '比率']).font = { bold: true };
  for (const r of FIGURE_RATES) summary.addRow([FIGURE_RATE_LABELS[r], p.figures.rates[r].numerator, p.figures.rates[r].denominator, formatRate(p.figures.rates[r])]).commit();
  summary.addRow([]).commit();
  const counts: [string, number][] = [
    ['逾期督办', p.overdue.length], ['转办积压', p.referralPileUps.length], ['在办矛盾纠纷', p.openDisputes.length], ['化解结果', p.mediationOutcomes.length],
    ['重大风险', p.seriousRisks.length], ['辟谣公告', p.rumours.length], ['待审核入群申请', p.pendingJoinRequests], ['未办结督办事项', p.openFollowUps.length],
  ];
  summary.addRow(['事项', '数量']).font = { bold: true };
  for (const row of counts) summary.addRow(row).commit();
  summary.commit();

  sheet('逾期督办', ['编号', '事项', '社区', '责任民警', '期限'], p.overdue.map((c) => [c.number, c.title, c.communityName, c.officerName ?? '未指派', chinaDateTime(new Date(c.dueAt))]));
  sheet('转办积压', ['类别', '分局', '件数', '阈值'], p.referralPileUps.map((a) => [a.categoryLabel, a.branchName, a.count, a.threshold]));
  sheet('在办矛盾纠纷', ['编号', '事项', '社区', '状态'], p.openDisputes.map((c) => [c.number, c.title, c.communityName, CASE_STATUS_LABELS[c.status]]));
  sheet('化解结果', ['编号', '事项', '社区', '时间'], p.mediationOutcomes.map((r) => [r.number ?? String(r.id), r.title, r.communityName, chinaDateTime(new Date(r.at))]));
  sheet('重大风险', ['编号', '事项', '社区', '状态'], p.seriousRisks.map((c) => [c.number, c.title, c.communityName, CASE_STATUS_LABELS[c.status]]));
  sheet('公告阅读', ['公告', '标题', '推送群数', '覆盖人数', '阅读人数', '阅读率'], p.bulletinReads.map((b) => [b.bulletinId, b.title, b.groups, b.members, b.readers, readRate(b.members, b.readers)]));
  sheet('督办事项', ['编号', '事项', '责任人', '期限', '状态'], p.openFollowUps.map((f) => [f.id, f.content, f.ownerName, f.deadline, f.overdue ? '已逾期' : '办理中']));
  await workbook.commit();
}
