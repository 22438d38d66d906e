/** A dependency the service cannot work without. */
export type Dependency = 'database' | 'redis';

/** Seconds a client is told to wait (`Retry-After`) before trying again while a dependency is down. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Socket and protocol errors that mean "the server is not there" (refused, reset, lost, timed
 * out, shutting down, too many connections), as Node, mysql2 and MariaDB name them. A query the
 * database refused for its content (a duplicate key, a bad value) is not among them.
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_SERVER_SHUTDOWN', 'ER_CONNECTION_KILLED',
  'ER_CON_COUNT_ERROR', 'ER_TOO_MANY_USER_CONNECTIONS', 'ER_SERVER_GONE_ERROR', 'ER_SERVER_LOST',
]);

/** ioredis' own words when its connection is gone and it gave up on a command (a socket error is the database's). */
const REDIS_GONE = /^(Connection is closed\.|Stream isn't writeable|Reached the max retries per request limit)/;
/** mysql2's words for a command on a connection that already failed. */
const MYSQL_CLOSED = /connection is in closed state|Connection lost: The server closed the connection|Pool is closed/i;

/**
 * Which dependency an error says is unreachable, or null for any other error. Looks through the
 * wrappers (TypeORM's QueryFailedError keeps the driver's error as `driverError`, others as `cause`).
 */
export function unreachableDependency(error: unknown): Dependency | null {
  for (let e = error, hops = 0; typeof e === 'object' && e !== null && hops < 5; hops++) {
    const { name, message, code, fatal, driverError, cause } = e as {
      name?: unknown; message?: unknown; code?: unknown; fatal?: unknown; driverError?: unknown; cause?: unknown;
    };
    const text = typeof message === 'string' ? message : '';
    if (name === 'MaxRetriesPerRequestError' || REDIS_GONE.test(text)) return 'redis';
    if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return 'database';
    if (fatal === true || MYSQL_CLOSED.test(text)) return 'database';
    e = driverError ?? cause;
  }
  return null;
}
