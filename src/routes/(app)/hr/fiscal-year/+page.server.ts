import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { fiscalYearOf, formatFiscalYear } from '#lib/domain/japanese-date.ts';
import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { parseForm } from '#lib/server/forms.ts';
import { getClosedPack, listClosedYears } from '#lib/server/reports/close.ts';
import { jobs } from '#lib/server/jobs/index.ts';
import type { FiscalYearCloseParams } from '#lib/server/jobs/handlers.ts';
import type { Actions, PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

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
		const form = await parseForm(
			event.request,
			z.object({
				fiscalYear: z.coerce.number().refine((n) => closable().includes(n), m.fy_err_choose_year()),
				confirm: z.literal('yes', m.fy_err_confirm())
			})
		);
		if (!form.ok) return fail(400, form);
		const fiscalYear = form.data.fiscalYear;
		if (await getClosedPack(db, user.orgId, fiscalYear))
			return fail(409, {
				message: `${formatFiscalYear(fiscalYear)}はすでに締められています。確定済みの証跡をダウンロードしてください。`,
				fieldErrors: {},
				values: {}
			});
		// building the evidence pack takes a while at scale: it runs as a job with its own progress page
		const params: FiscalYearCloseParams = {
			fiscalYear,
			employeeNo: user.employeeNo,
			name: user.name,
			ip: event.getClientAddress()
		};
		const { id } = await jobs.submit({ orgId: user.orgId, createdBy: user.id, kind: 'fiscal_year_close', params });
		redirect(303, `/jobs/${id}`);
	}
};
