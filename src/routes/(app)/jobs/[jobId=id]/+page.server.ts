import * as m from '#lib/paraglide/messages.js';
import { error } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.ts';
import { requireUser } from '#lib/server/guards.ts';
import { getVisibleJob, jobView } from '#lib/server/jobs/queries.ts';
import type { PageServerLoad } from './$types';

/** Only the job's creator sees it; any other id is a 404 whether or not it exists. */
export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const row = await getVisibleJob(db, user, params.jobId);
	if (!row) error(404, m.job_err_not_found());
	return { job: jobView(row) };
};
