/** The reference points, measured in the same run on the same machine. */
import { createClient } from '@libsql/client';
import { hash, verify } from '@node-rs/argon2';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess, type Server } from './http.ts';

const HELLO = `require('node:http').createServer((q, s) => { s.writeHead(200, { 'content-type': 'text/plain' }); s.end('hello'); }).listen(Number(process.env.PORT), '127.0.0.1');`;

export const startHello = (port: number): Promise<Server> => startProcess(['-e', HELLO], port, {}, '/');

/** Durable commits per second: one row per autocommit INSERT, WAL, synchronous=FULL, as the app writes. */
export async function libsqlCommitRate(seconds: number) {
	const dir = mkdtempSync(join(tmpdir(), 'manabi-bench-'));
	const client = createClient({ url: `file:${join(dir, 'raw.db')}`, timeout: 3000 });
	await client.execute('PRAGMA journal_mode = WAL');
	await client.execute('PRAGMA synchronous = FULL');
	await client.execute('CREATE TABLE r (id INTEGER PRIMARY KEY, person TEXT NOT NULL, payload TEXT NOT NULL)');
	const payload = JSON.stringify(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`q${i}`, ['a']])));
	let n = 0;
	const until = performance.now() + seconds * 1000;
	while (performance.now() < until) {
		await client.execute({ sql: 'INSERT INTO r (person, payload) VALUES (?, ?)', args: [`p${n}`, payload] });
		n++;
	}
	const [{ c }] = (await client.execute('SELECT count(*) AS c FROM r')).rows as unknown as { c: number }[];
	client.close();
	rmSync(dir, { recursive: true, force: true });
	return { commitsPerSecond: Math.round(n / seconds), persisted: Number(c) === n };
}

/** Password checks per second with the app's argon2id parameters, as many at once as sign-ins would be. */
export async function argon2Rate(seconds: number) {
	const opts = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };
	const h = await hash('bench', opts);
	let n = 0;
	const until = performance.now() + seconds * 1000;
	await Promise.all(
		Array.from({ length: 8 }, async () => {
			while (performance.now() < until) {
				await verify(h, 'bench', opts);
				n++;
			}
		})
	);
	return Math.round(n / seconds);
}
