import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { listMyJobs } from '$lib/server/jobs/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	return { jobs: await listMyJobs(db, user) };
};
