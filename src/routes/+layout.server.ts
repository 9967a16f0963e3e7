import { sectionsFor } from '#lib/domain/access.ts';
import { db } from '#lib/server/db/index.ts';
import { countActiveJobs } from '#lib/server/jobs/queries.ts';
import { mayStartJobs } from '#lib/domain/job.ts';
import type { LayoutServerLoad } from './$types';

/** Only what the shell needs; never the session id or password state. */
export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	return {
		user: user && {
			name: user.name,
			employeeNo: user.employeeNo,
			sections: sectionsFor(user),
			activeJobs: mayStartJobs(user) ? await countActiveJobs(db, user) : null
		}
	};
};
