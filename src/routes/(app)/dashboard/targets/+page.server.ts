import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { fiscalYearOf } from '#lib/domain/japanese-date.ts';
import { parseTargetForm } from '#lib/domain/target-form.ts';
import { metricLabels, scopeLabel, scopeLabels } from '#lib/server/reports/target-labels.ts';
import { reportModules } from '#lib/server/reports/view.ts';
import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { listCurriculumModules } from '#lib/server/curricula.ts';
import { createTarget, deleteTarget, listTargets } from '#lib/server/targets.ts';
import { failure, parseForm, readForm } from '#lib/server/forms.ts';
import { CATEGORIES } from '#lib/server/content/types.ts';
import type { Actions, PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

async function choices(orgId: string) {
	const current = fiscalYearOf(new Date());
	const curricula = await listCurriculumModules(db, orgId);
	return {
		years: [current + 1, current, current - 1, current - 2, current - 3, current - 4],
		modules: reportModules().map((x) => ({ slug: x.slug, title: x.title })),
		categories: [...CATEGORIES],
		curricula: curricula.map((c) => ({ id: c.id, name: c.name, slugs: c.items.map((i) => i.moduleSlug) }))
	};
}

export const load: PageServerLoad = async () => {
	const user = requireSection('hr');
	const c = await choices(user.orgId);
	const curriculumInfo = new Map(c.curricula.map((x) => [x.id, { name: x.name, slugs: x.slugs }]));
	const byYear = await Promise.all(c.years.map(async (fy) => ({ fy, targets: await listTargets(db, user.orgId, fy) })));
	return {
		choices: c,
		metricLabels: metricLabels(),
		scopeLabels: scopeLabels(),
		years: byYear
			.filter((y) => y.targets.length > 0)
			.map((y) => ({
				fy: y.fy,
				targets: y.targets.map((t) => ({
					...t,
					metricLabel: metricLabels()[t.metric],
					scopeLabel: scopeLabel(t, reportModules(), curriculumInfo)
				}))
			}))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireSection('hr');
		const read = await readForm(event.request);
		if (!read.ok) return fail(400, failure(read.message));
		const form = read.form;
		const c = await choices(user.orgId);
		const parsed = parseTargetForm((k) => (typeof form.get(k) === 'string' ? (form.get(k) as string) : undefined), {
			years: c.years,
			modules: c.modules.map((x) => x.slug),
			categories: c.categories,
			curricula: c.curricula.map((x) => x.id)
		});
		if (!parsed.ok) return fail(400, failure(m.err_check_input(), parsed.fieldErrors, parsed.values));
		await createTarget(db, user, parsed.value, event.getClientAddress());
		return { created: true };
	},
	delete: async (event) => {
		const user = requireSection('hr');
		const form = await parseForm(
			event.request,
			z.object({ targetId: z.string().regex(/^[a-z2-7]{24}$/, m.err_target_ref_invalid()) })
		);
		if (!form.ok) return fail(400, form);
		if (!(await deleteTarget(db, user, form.data.targetId, event.getClientAddress())))
			return fail(404, failure(m.err_target_not_found()));
		return { deleted: true };
	}
};
