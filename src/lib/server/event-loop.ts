/**
 * Lets waiting requests in. With an embedded (`file:`) database, @libsql/client runs each
 * statement synchronously and returns an already-settled promise, so a chain of `await`s over
 * many statements never gives the event loop a turn: a long background task (the daily refresh,
 * reminders, a report) would hold every request until it ends. Long loops call this between
 * chunks; `setImmediate` lets pending I/O (new connections, requests) run first.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
