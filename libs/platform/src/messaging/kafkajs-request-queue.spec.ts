/**
 * kafkajs 2.2.4 as patched on install (patches/kafkajs+2.2.4.patch, applied by patch-package): a
 * connection's request queue with nothing pending schedules no check. Unpatched, every connection re-armed
 * a timer with a negative delay after each check, so each checked its empty queue about once a
 * millisecond for as long as it was open (a tenth of a core per idle service, more under load).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- kafkajs exports no types for its internals
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (o: object) => {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
  canSendSocketRequestImmediately(): boolean;
  destroy(): void;
};

const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const queue = () => new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 30000, enforceRequestTimeout: false, clientId: 'spec', broker: 'localhost:9092', logger });

describe('kafkajs request queue (patched)', () => {
  afterEach(() => jest.useRealTimers());

  it('schedules no check while nothing is pending, throttled or not', () => {
    const q = queue();
    q.checkPendingRequests(); // what fulfilling a request does
    expect(q.throttleCheckTimeoutId).toBeNull();
    q.throttledUntil = Date.now() + 1000;
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId).toBeNull();
    q.destroy();
  });

  it('still checks a pending request when the throttle ends, and once it is sent stops checking', async () => {
    // Real timers: the unpatched queue re-arms with a negative delay, which fake timers would run for ever.
    const q = queue();
    const sent: unknown[] = [];
    q.canSendSocketRequestImmediately = () => Date.now() >= q.throttledUntil;
    (q as unknown as { sendSocketRequest: (r: unknown) => void }).sendSocketRequest = (r) => sent.push(r);
    q.throttledUntil = Date.now() + 50;
    q.pending.push({ correlationId: 1, pendingDuration: 0 });
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId).not.toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 80));
    expect(sent).toHaveLength(1);
    expect(q.pending).toHaveLength(0);
    expect(q.throttleCheckTimeoutId).toBeNull();
    q.destroy();
  });

  it('re-checks a pending request that cannot be sent yet (too many in flight) every 10 ms', () => {
    jest.useFakeTimers();
    const q = queue();
    q.canSendSocketRequestImmediately = () => false;
    q.pending.push({ correlationId: 1, pendingDuration: 0 });
    const check = jest.spyOn(q, 'checkPendingRequests');
    q.scheduleCheckPendingRequests();
    jest.advanceTimersByTime(30);
    expect(check).toHaveBeenCalledTimes(3);
    q.destroy();
  });
});
