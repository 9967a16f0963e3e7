import { redirect } from '@sveltejs/kit';
import { homeSection } from '#lib/domain/access.ts';
import { SECTION_HREF } from '#lib/routes.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	redirect(303, locals.user ? SECTION_HREF[homeSection(locals.user)] : '/login');
};
