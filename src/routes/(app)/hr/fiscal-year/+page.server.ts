import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { fiscalYearOf } from '$lib/domain/japanese-date';
import { db } from '$lib/server/db';
import { requireSection } from '$lib/server/guards';
import { parseForm } from '$lib/server/forms';
import { closeFiscalYear, listClosedYears } from '$lib/server/reports/close';
import { reportModules } from '$lib/server/reports/view';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';

const closable = () => {
	const current = fiscalYearOf(new Date());
	return [current, current - 1, current - 2, current - 3, current - 4];
};

export const load: PageServerLoad = async () => {
	const user = requireSection('hr');
	return { closed: await listClosedYears(db, user.orgId), years: closable(), current: fiscalYearOf(new Date()) };
};

export const actions: Actions = {
	close: async (event) => {
		const user = requireSection('hr');
		const form = await parseForm(event.request, z.object({
			fiscalYear: z.coerce.number().refine((n) => closable().includes(n), m.fy_err_choose_year()),
			confirm: z.literal('yes', m.fy_err_confirm())
		}));
		if (!form.ok) return fail(400, form);
		const outcome = await closeFiscalYear(db, user, form.data.fiscalYear, reportModules(), event.getClientAddress());
		if (!outcome.ok) return fail(409, { message: outcome.message, fieldErrors: {}, values: {} });
		return { closedYear: form.data.fiscalYear, sha256: outcome.sha256 };
	}
};
