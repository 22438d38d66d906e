import { createServer } from 'node:http';
import { createPool } from 'mysql2/promise';
import { MADE_DAYS_SQL, snapshotSumsQuery } from '../figures/data/figure-snapshots.repository';
import { coverageQueries, UNIT_BY_ID_SQL, UNIT_CHILDREN_SQL } from '../org/data/org-figures.repository';

/**
 * The baseline of the figures bench (bench/figures.ts): bare node:http + mysql2, no framework,
 * auth or validation, sending the statements GET /api/figures sends for a node and a period all
 * kept in the daily snapshots: the node, the kept days, the sums of the node's snapshot rows, the
 * nodes it is ranked among and their sums, and 一警一群 coverage (the same SQL text, imported).
 */
const pool = createPool({ uri: process.env.DATABASE_URL, connectionLimit: 20, timezone: 'Z' });
const nodeId = Number(process.env.BASELINE_NODE_ID);
const from = String(process.env.BASELINE_FROM);
const to = String(process.env.BASELINE_TO);

type Rows = Record<string, unknown>[];
const select = async (sql: string, values: unknown[]): Promise<Rows> => (await pool.query(sql, values))[0] as Rows;

async function figures(): Promise<unknown> {
  const [node] = await select(UNIT_BY_ID_SQL, [nodeId]);
  const path = String(node.path);
  const made = await select(MADE_DAYS_SQL, [from, to]);
  const children = await select(UNIT_CHILDREN_SQL, [nodeId]);
  const own = snapshotSumsQuery([path], from, to);
  const ranked = snapshotSumsQuery(children.map((c) => String(c.path)), from, to);
  const cover = coverageQueries({ kind: 'subtree', pathPrefix: path });
  const [sums, rankSums, groups, enterprises, members] = await Promise.all([
    select(own.sql, own.values), select(ranked.sql, ranked.values),
    select(cover.groups.sql, cover.groups.values), select(cover.enterprises.sql, cover.enterprises.values), select(cover.members.sql, cover.members.values),
  ]);
  return { node, kept: made.length, sums: sums[0], rankings: rankSums, coverage: { groups: groups[0], enterprises: enterprises[0], members: members[0] } };
}

createServer(async (_req, res) => {
  try {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(await figures()));
  } catch (err) {
    res.statusCode = 500;
    res.end(String(err));
  }
}).listen(Number(process.env.PORT), '127.0.0.1');
