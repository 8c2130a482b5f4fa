import { forEachConcurrently } from './forEachConcurrently';

describe('forEachConcurrently', () => {
  it('runs every item, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await forEachConcurrently([1, 2, 3, 4, 5], 2, async item => {
      running += 1;
      most = Math.max(most, running);
      await new Promise(resolve => setTimeout(resolve, 5 * (6 - item)));
      done.push(item);
      running -= 1;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    await expect(
      forEachConcurrently([1, 2, 3, 4], 1, async item => {
        started.push(item);
        if (item === 2) {
          throw new Error('catalog unavailable');
        }
      }),
    ).rejects.toThrow('catalog unavailable');
    expect(started).toEqual([1, 2]);
  });
});
