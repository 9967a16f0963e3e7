import { sectionsFor } from '$lib/domain/access';
import { db } from '$lib/server/db';
import { countActiveJobs } from '$lib/server/jobs/queries';
import { mayStartJobs } from '$lib/domain/job';
import type { LayoutServerLoad } from './$types';

/** Only what the shell needs; never the session id or password state. */
export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	return {
		user: user && { name: user.name, employeeNo: user.employeeNo, sections: sectionsFor(user), activeJobs: mayStartJobs(user) ? await countActiveJobs(db, user) : null }
	};
};
