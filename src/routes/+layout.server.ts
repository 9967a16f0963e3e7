import { sectionsFor } from '$lib/domain/access';
import type { LayoutServerLoad } from './$types';

/** Only what the shell needs; never the session id or password state. */
export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return {
		user: user && { name: user.name, employeeNo: user.employeeNo, sections: sectionsFor(user) }
	};
};
