import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { FairScheduler, RequestTimeoutError } from '../../server/src/fairness/FairScheduler.js';

const FAR = Date.now() + 60_000;

describe('FairScheduler', () => {
  it('starts a step at once when nobody waits and no step ran in this turn', async () => {
    const scheduler = new FairScheduler();
    await nextTurn();
    let ran = false;
    const done = scheduler.run('a', FAR, 10_000, () => {
      ran = true;
      return 1;
    });
    expect(ran).toBe(true); // synchronously, not a loop iteration later
    expect(await done).toBe(1);
  });

  it('starts at most one step per turn, round-robin over clients', async () => {
    const scheduler = new FairScheduler();
    await nextTurn();
    const order: string[] = [];
    const turns: number[] = [];
    let turn = 0;
    let counting = true;
    const count = async () => {
      while (counting) {
        await nextTurn();
        turn++;
      }
    };
    void count();
    const step = (name: string) =>
      scheduler.run(name.slice(0, 1), FAR, 10_000, () => {
        order.push(name);
        turns.push(turn);
      });
    // Client a asks for three steps, then b for one, all in the same turn.
    await Promise.all([step('a1'), step('a2'), step('a3'), step('b1')]);
    counting = false;
    expect(order).toEqual(['a1', 'a2', 'b1', 'a3']);
    expect(new Set(turns).size).toBe(4);
  });

  it('refuses a waiting step whose deadline has passed', async () => {
    let now = 0;
    const scheduler = new FairScheduler(() => now);
    await nextTurn();
    const first = scheduler.run('a', 10, 10, () => 'first');
    const late = scheduler.run('a', 10, 10, () => 'late');
    now = 11;
    expect(await first).toBe('first');
    await expect(late).rejects.toBeInstanceOf(RequestTimeoutError);
  });
});
