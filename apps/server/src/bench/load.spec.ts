import { figuresOf } from './load';

describe('bench figures of a measured window', () => {
  it('takes nearest-rank percentiles and the rate over the window', () => {
    // 1..200 ms in shuffled order: p50 is the 100th value, p99 the 198th.
    const latencies = Array.from({ length: 200 }, (_, i) => ((i * 37) % 200) + 1);
    expect(figuresOf(latencies, 3, 10)).toEqual({ requestsPerSecond: 20, p50: 100, p99: 198, max: 200, errors: 3, total: 200 });
  });

  it('rounds to a tenth of a millisecond and answers zeros for an empty window', () => {
    expect(figuresOf([1.234, 5.678], 0, 1)).toMatchObject({ p50: 1.2, p99: 5.7, max: 5.7 });
    expect(figuresOf([], 0, 10)).toEqual({ requestsPerSecond: 0, p50: 0, p99: 0, max: 0, errors: 0, total: 0 });
  });
});
