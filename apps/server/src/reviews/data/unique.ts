/** Whether a write failed on a unique key (MariaDB/MySQL or SQLite). */
export const isUniqueViolation = (err: unknown): boolean =>
  err instanceof Error && /ER_DUP_ENTRY|UNIQUE constraint|Duplicate entry/i.test(`${(err as { code?: string }).code ?? ''} ${err.message}`);
