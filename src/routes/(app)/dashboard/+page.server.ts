import { fiscalYearOf } from '$lib/domain/japanese-date';
import { requireSection } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	requireSection('dashboard');
	return { fiscalYear: fiscalYearOf(new Date()) };
};
