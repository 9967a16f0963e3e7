import { redirect } from '@sveltejs/kit';
import { homeSection } from '$lib/domain/access';
import { SECTION_HREF } from '$lib/routes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	redirect(303, locals.user ? SECTION_HREF[homeSection(locals.user)] : '/login');
};
