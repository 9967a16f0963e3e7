import type { Db } from './db/client.ts';

export type Health = { status: 'ok' } | { status: 'unavailable'; message: string };

/**
 * Whether this process can serve: its database answers a read. For a reverse proxy's or a
 * monitoring tool's check (GET /health), e.g. to take one of several app processes out of
 * rotation. It says nothing about the organisation or its data.
 */
export async function checkHealth(db: Db): Promise<Health> {
	try {
		await db.$client.execute('SELECT 1');
		return { status: 'ok' };
	} catch {
		return { status: 'unavailable', message: 'データベースに接続できません / the database does not answer' };
	}
}
