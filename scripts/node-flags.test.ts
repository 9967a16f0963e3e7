import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS, missingServerFlags, serverArgs } from './node-flags.js';

const flags = SERVER_NODE_FLAGS.join(' ');

describe('the Node.js options the server runs with', () => {
	it('are the ones npm start and the systemd unit in docs/install.md use', () => {
		const { scripts } = JSON.parse(readFileSync('package.json', 'utf8'));
		expect(scripts.start).toBe(`node ${flags} scripts/start.js`);
		expect(readFileSync('docs/install.md', 'utf8')).toContain(`ExecStart=/usr/bin/node ${flags} scripts/start.js`);
	});

	it('come first in the arguments that start the build (demo, bench, reliability tests)', () => {
		expect(serverArgs()).toEqual([...SERVER_NODE_FLAGS, 'build']);
		expect(serverArgs('--import', './x.mjs')).toEqual([...SERVER_NODE_FLAGS, '--import', './x.mjs', 'build']);
	});

	it('tell which of them a process was started without', () => {
		expect(missingServerFlags([])).toEqual(SERVER_NODE_FLAGS);
		expect(missingServerFlags(['--enable-source-maps', ...SERVER_NODE_FLAGS])).toEqual([]);
	});

	it('are accepted by this Node.js (a flag a new Node no longer knows stops the server at start)', () => {
		const run = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', 'process.exit(0)'], { encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});
});
