import { describe, expect, it } from 'vitest';
import { createGroupCommitter, type Outcome } from './group-commit.js';

describe('createGroupCommitter', () => {
  it('coalesces concurrent callers into few batches and settles each with its own outcome', async () => {
    const batches: number[][] = [];
    const commit = createGroupCommitter<number, number>(
      async (requests) => {
        batches.push(requests);
        await new Promise((r) => setTimeout(r, 5));
        return requests.map((n): Outcome<number> =>
          n % 7 === 0 ? { ok: false, error: new Error(`bad ${n}`) } : { ok: true, value: n * 2 },
        );
      },
      () => 1,
      { maxBatchSize: 100 },
    );
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => commit(i + 1)));
    expect(batches.flat().sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(batches.length).toBeLessThanOrEqual(2);
    results.forEach((r, i) => {
      const n = i + 1;
      if (n % 7 === 0)
        expect(r).toMatchObject({ status: 'rejected', reason: { message: `bad ${n}` } });
      else expect(r).toEqual({ status: 'fulfilled', value: n * 2 });
    });
  });

  it('keeps batches within maxBatchSize and rejects a whole batch whose run throws', async () => {
    const sizes: number[] = [];
    const commit = createGroupCommitter<number, number>(
      (requests) => {
        sizes.push(requests.reduce((a, b) => a + b, 0));
        if (requests.includes(99)) return Promise.reject(new Error('connection lost'));
        return Promise.resolve(requests.map((n) => ({ ok: true as const, value: n })));
      },
      (n) => n,
      { maxBatchSize: 10 },
    );
    await Promise.all([4, 4, 4, 4].map((n) => commit(n)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(10);
    await expect(commit(99)).rejects.toThrow('connection lost');
    await expect(commit(3)).resolves.toBe(3);
  });
});
