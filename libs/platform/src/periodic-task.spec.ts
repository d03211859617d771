import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  it('never runs twice at once: a call during a pass gets that pass', async () => {
    let passes = 0;
    let finish: () => void = () => undefined;
    const task = new PeriodicTask('test', { warn: () => undefined }, () => {
      passes++;
      return new Promise<number>((r) => (finish = () => r(passes)));
    });
    const a = task.run();
    const b = task.run();
    finish();
    expect(await a).toBe(1);
    expect(await b).toBe(1);
    const c = task.run();
    finish();
    expect(await c).toBe(2);
  });

  it('logs a failed pass and keeps going on the interval; stop waits for the pass under way', async () => {
    const warnings: string[] = [];
    let passes = 0;
    const task = new PeriodicTask('test work', { warn: (m: string) => void warnings.push(m) }, async () => {
      passes++;
      if (passes === 1) throw new Error('database away');
      return passes;
    });
    task.start(20);
    await new Promise((r) => setTimeout(r, 100));
    await task.stop();
    const after = passes;
    await new Promise((r) => setTimeout(r, 60));
    expect(warnings[0]).toBe('test work failed, will retry: database away');
    expect(after).toBeGreaterThanOrEqual(2);
    expect(passes).toBe(after);
  });
});
