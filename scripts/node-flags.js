/**
 * The Node.js options the server runs with, however it is started: `npm start`, the systemd unit in
 * docs/install.md, the demo, the bench and the reliability tests. scripts/node-flags.test.ts keeps
 * them all equal, and `npm start` warns when it was started without them.
 *
 * --max-semi-space-size=16: Node.js 24's V8 sizes the heap's young generation by the machine's
 * memory, so on a server with plenty of RAM the nursery alone is four times what it was on
 * Node.js 20, and the process keeps it for good. 16 MB per semi-space is what Node.js 20 used; the
 * bench (bench/results/2026-12-08-node20-vs-node24.md) shows the memory and speed with and without it.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=16'];

/**
 * The arguments that start the built server: the flags, then `extra` (e.g. an --import), then the build.
 * @param {string[]} extra
 */
export const serverArgs = (...extra) => [...SERVER_NODE_FLAGS, ...extra, 'build'];

/** The flags this process was started without (none when it has them all). */
export const missingServerFlags = (execArgv = process.execArgv) =>
	SERVER_NODE_FLAGS.filter((f) => !execArgv.includes(f));
