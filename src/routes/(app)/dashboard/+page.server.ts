import { fiscalYearOf } from '#lib/domain/japanese-date.ts';
import { hasRole, reportScope } from '#lib/domain/access.ts';
import { requireSection } from '#lib/server/guards.ts';
import { chosenFiscalYear, dashboardFor } from '#lib/server/reports/view.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireSection('dashboard');
	const fiscalYear = chosenFiscalYear(url.searchParams.get('fy'));
	const current = fiscalYearOf(new Date());
	const view = await dashboardFor(user, fiscalYear, url.searchParams.has('refresh'));
	return {
		view,
		wholeOrganisation: reportScope(user) === null,
		canManageTargets: hasRole(user, 'hr', 'admin'),
		years: Array.from({ length: 5 }, (_, i) => current - i)
	};
};
