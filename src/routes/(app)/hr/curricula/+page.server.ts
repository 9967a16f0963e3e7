import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { listCurricula } from '#lib/server/curricula.ts';
import { unitIdOfPath } from '#lib/domain/unit-path.ts';
import { listUnits } from '#lib/server/org.ts';
import { getModule } from '#lib/server/content/catalog.ts';
import { describeCriteria, describeDue, RECURRENCE_LABELS } from '#lib/domain/curriculum-form.ts';
import { employmentLabel } from '#lib/domain/labels.ts';
import type { PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireSection('hr');
	const [curricula, units] = await Promise.all([listCurricula(db, user.orgId), listUnits(db, user.orgId)]);
	const unitName = new Map(units.map((u) => [u.id, u.name]));
	const job = url.searchParams.get('job') ?? '';
	return {
		saved: url.searchParams.has('saved') ? { job: /^[a-z2-7]{24}$/.test(job) ? job : null } : null,
		curricula: curricula.map((c) => {
			// each unit the rule names, looked up once: null for a unit since abolished
			const unitNames = (c.criteria.unitPaths ?? []).map((p) => unitName.get(unitIdOfPath(p)) ?? null);
			return {
				id: c.id,
				name: c.name,
				active: c.active,
				assignedPeople: c.assignedPeople,
				who: describeCriteria(
					{ ...c.criteria, unitNames: unitNames.map((n) => n ?? m.curricula_unit_abolished()) },
					employmentLabel
				),
				// the Japanese data in that line (units, tags), in its order, for the page to mark
				whoData: [...unitNames.filter((n): n is string => n !== null), ...(c.criteria.tagsAny ?? [])],
				items: c.items.map((i) => ({
					title: getModule(i.moduleSlug)?.title ?? i.moduleSlug,
					mandatory: i.mandatory,
					due: describeDue(i.due),
					recurrence: RECURRENCE_LABELS[i.recurrence]
				}))
			};
		})
	};
};
