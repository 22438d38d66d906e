import { effectiveRoles, permissionsOf, supervisedLevels } from '@jws/contracts';
import { DataSource, Logger } from 'typeorm';
import { Access } from '../access/access';
import { CaseRecordsRepository } from '../cases/data/case-records.repository';
import { CaseReportsRepository } from '../cases/data/case-reports.repository';
import { Database } from '../common/db';
import { UploadsRepository } from '../uploads/data/uploads.repository';
import { UploadsService } from '../uploads/uploads.service';
import { CasesRepository } from '../cases/data/cases.repository';
import { CasesService } from '../cases/cases.service';
import type { Caller } from '../common/request-context';
import { dataSourceOptions } from '../database/data-source';
import { UserEntity } from '../identity/data/user.entity';
import { OrgUnitEntity } from '../org/data/org-unit.entity';
import { scopeFor } from '../org/scope';

/** Tables big enough that a full scan of one on a hot path is a finding. */
const BIG_TABLES = new Set(['cases', 'case_events', 'case_deadlines', 'users', 'memberships', 'notifications', 'audit_entries', 'idempotency_keys']);

interface PlanRow {
  table: string;
  type: string;
  key: string | null;
  rows: number;
  Extra: string;
}

/**
 * EXPLAIN of the SQL the service itself sends for the queue, the 督办 lists and the case page: the repository and
 * CasesService run against a DataSource whose logger records every statement, and each SELECT is
 * explained with its parameters. Prints one line per table access and flags full scans of big tables.
 */
export async function explainCaseQueries(
  databaseUrl: string,
  who: { officerUsername: string; stationLeaderUsername: string; branchLeaderUsername: string; caseId: number },
): Promise<void> {
  const statements: [string, unknown[]][] = [];
  const recorder: Logger = {
    logQuery: (query, parameters) => void statements.push([query, parameters ?? []]),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  const ds = new DataSource({ ...dataSourceOptions({ kind: 'mysql', url: databaseUrl }), logger: recorder });
  await ds.initialize();
  try {
    const callerOf = async (username: string): Promise<Caller> => {
      const user = await ds.getRepository(UserEntity).findOneByOrFail({ username });
      const unit = user.orgUnitId ? await ds.getRepository(OrgUnitEntity).findOneBy({ id: user.orgUnitId }) : null;
      const roles = effectiveRoles(user.role, user.isInformant);
      return { user, roles, permissions: permissionsOf(roles), scope: scopeFor(user, unit?.path ?? null), ip: null, requestId: null };
    };
    const officer = await callerOf(who.officerUsername);
    const leader = await callerOf(who.stationLeaderUsername);
    const branchLeader = await callerOf(who.branchLeaderUsername);
    const repo = new CasesRepository(ds);
    const noAudit = { recordFor: async () => undefined };
    // Only the read path of detail() is used: the services it does not touch are left out.
    const db = new Database(ds);
    const access = new Access(noAudit as never);
    const uploads = new UploadsService(new UploadsRepository(db), null as never, access);
    const service = new CasesService(repo, noAudit as never, access, uploads, new CaseReportsRepository(db), new CaseRecordsRepository(db), db);

    const sections: [string, () => Promise<unknown>][] = [
      ['officer queue (GET /api/cases?pageSize=20)', () => repo.queue(officer.scope, { page: 1, pageSize: 20 })],
      ['station leader queue', () => repo.queue(leader.scope, { page: 1, pageSize: 20 })],
      ['station leader 督办 (GET /api/supervision/cases)', () => repo.escalated(leader.scope, supervisedLevels(leader.user.role), 1, 20)],
      ['branch leader 督办', () => repo.escalated(branchLeader.scope, supervisedLevels(branchLeader.user.role), 1, 20)],
      ['case page (GET /api/cases/:id as the officer)', () => service.detail(officer, who.caseId)],
    ];
    for (const [label, run] of sections) {
      statements.length = 0;
      await run();
      console.log(`\nEXPLAIN ${label}:`);
      for (const [sql, params] of statements.filter(([sql]) => /^\s*SELECT/i.test(sql))) {
        const plan = (await ds.query(`EXPLAIN ${sql}`, params)) as PlanRow[];
        const steps = plan.map((p) => {
          const fullScan = (p.type === 'ALL' || p.type === 'index') && BIG_TABLES.has(p.table);
          return `${p.table} ${p.type}${p.key ? ` ${p.key}` : ''} rows≈${p.rows}${p.Extra ? ` (${p.Extra})` : ''}${fullScan ? '  ← FULL SCAN' : ''}`;
        });
        console.log(`  ${sql.replace(/\s+/g, ' ').slice(0, 90)}…\n    ${steps.join('\n    ')}`);
      }
    }
  } finally {
    await ds.destroy();
  }
}
