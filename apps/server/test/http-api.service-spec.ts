import { HTTP_API } from '@jws/contracts';
import { startTestApp, TestApp } from './test-app';

/** `GET /api/cases/{id}` and `GET /api/cases/:caseId` name the same route: parameter names aside. */
const shape = (route: string): string => route.replace(/\{\w+\}|:\w+/g, ':param');

/**
 * The API table the mini program is typed from (`HTTP_API` in contracts) against the service's own
 * OpenAPI document: a path or method renamed on one side and not the other fails here, not on a phone.
 */
describe('API table (contracts) and the routes the service serves (MariaDB)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('names only routes the service serves, with their methods', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const served = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => shape(`${method.toUpperCase()} ${path}`))));
    const unknown = Object.keys(HTTP_API).filter((route) => !served.has(shape(route)));
    expect(unknown).toEqual([]);
    expect(Object.keys(HTTP_API).length).toBeGreaterThan(80);
  });
});
