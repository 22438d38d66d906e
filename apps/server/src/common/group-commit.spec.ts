import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('writes the first item at once and what arrives meanwhile together, each add resolving once written', async () => {
    const writes: number[][] = [];
    let release: () => void = () => undefined;
    const group = new GroupCommit<number>(async (items) => {
      writes.push(items);
      if (writes.length === 1) await new Promise<void>((r) => (release = r));
    });
    const done: number[] = [];
    const first = group.add(1).then(() => done.push(1));
    const rest = [2, 3, 4].map((n) => group.add(n).then(() => done.push(n)));
    await Promise.resolve();
    expect(writes).toEqual([[1]]);
    expect(done).toEqual([]);
    release();
    await Promise.all([first, ...rest]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
    expect(done).toEqual([1, 2, 3, 4]);
  });

  it('retries a failed batch item by item, so only the bad item fails', async () => {
    const written: string[] = [];
    let block: Promise<void> | null = new Promise<void>((r) => setTimeout(r, 5));
    const group = new GroupCommit<string>(async (items) => {
      if (block) {
        const b = block;
        block = null;
        await b;
      }
      if (items.includes('bad')) throw new Error('too long');
      written.push(...items);
    });
    const results = await Promise.allSettled(['a', 'b', 'bad', 'c'].map((s) => group.add(s)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(written.sort()).toEqual(['a', 'b', 'c']);
  });

  it('splits what waits into batches of at most maxBatch', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit<number>(async (items) => {
      sizes.push(items.length);
      await new Promise((r) => setTimeout(r, 1));
    }, 3);
    await Promise.all(Array.from({ length: 8 }, (_, i) => group.add(i)));
    expect(sizes).toEqual([1, 3, 3, 1]);
    expect(group.size).toBe(0);
  });
});
