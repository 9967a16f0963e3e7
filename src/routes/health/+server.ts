import { json } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.ts';
import { checkHealth } from '#lib/server/health.ts';
import type { RequestHandler } from './$types';

/** For a reverse proxy or monitoring: 200 when this process and its database answer, else 503. Public; never cached. */
export const GET: RequestHandler = async () => {
	const health = await checkHealth(db);
	return json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
