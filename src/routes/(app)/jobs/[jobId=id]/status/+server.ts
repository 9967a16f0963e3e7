import * as m from '#lib/paraglide/messages.js';
import { error, json } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.ts';
import { requireUser } from '#lib/server/guards.ts';
import { getVisibleJob, jobView } from '#lib/server/jobs/queries.ts';
import type { RequestHandler } from './$types';

/** The progress page polls this every 2 s (same origin, the creator only). */
export const GET: RequestHandler = async ({ params }) => {
	const user = requireUser();
	const row = await getVisibleJob(db, user, params.jobId);
	if (!row) error(404, m.job_err_not_found());
	return json(jobView(row), { headers: { 'cache-control': 'no-store' } });
};
