import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { isNewHire, summarise } from '#lib/domain/assignment.ts';
import { toJstDate } from '#lib/domain/japanese-date.ts';
import { db } from '#lib/server/db/index.ts';
import { requireManagedPerson, requireUser, requireVisibleUnit } from '#lib/server/guards.ts';
import { listUnitStaff } from '#lib/server/people.ts';
import { listAssignmentStatuses, listMyAssignments } from '#lib/server/assignments.ts';
import { moduleVersions } from '#lib/server/assignment-runner.ts';
import { getModule } from '#lib/server/content/catalog.ts';
import { remindedToday, sendReminder } from '#lib/server/notices.ts';
import { failure, parseForm } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

const titleOf = (slug: string) => getModule(slug)?.title ?? slug;

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const unit = await requireVisibleUnit(user, params.unitId);
	const today = toJstDate(new Date());
	const staff = await listUnitStaff(db, unit.orgId, unit.path, today);
	const [statuses, reminded] = await Promise.all([
		listAssignmentStatuses(
			db,
			staff.map((s) => s.id),
			today,
			moduleVersions()
		),
		remindedToday(db, user.id, today)
	]);
	const progress = staff
		.map((s) => {
			const all = statuses.get(s.id) ?? [];
			// only what is still open is listed (a 課 of 300 × 20 modules would otherwise be 6,000 lines); the person's page has all
			const items = all
				.filter((a) => a.status !== 'passed' && a.status !== 'exempt')
				.map((a) => ({ title: titleOf(a.moduleSlug), dueDate: a.dueDate, status: a.status }));
			// what the progress table shows; the staff table below has the rest of each person
			return {
				id: s.id,
				name: s.name,
				kana: s.kana,
				jobGrade: s.jobGrade,
				hireDate: s.hireDate,
				unitName: s.unitName,
				items,
				total: all.length,
				passed: all.filter((a) => a.status === 'passed').length,
				...summarise(all),
				reminded: reminded.has(s.id)
			};
		})
		// who is behind comes first
		.sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.kana.localeCompare(b.kana, 'ja'));
	const newHires = progress
		.filter((p) => isNewHire(p.hireDate, today))
		.sort((a, b) => b.hireDate.localeCompare(a.hireDate));
	return { unit: { id: unit.id, name: unit.name }, staff, progress, newHires };
};

export const actions: Actions = {
	/** 督促: an in-app reminder listing the person's open training; one per person per day. */
	remind: async (event) => {
		const form = await parseForm(
			event.request,
			z.object({ personId: z.string().regex(/^[a-z2-7]{24}$/, m.err_person_ref_invalid()) })
		);
		if (!form.ok) return fail(400, form);
		const { user, person } = await requireManagedPerson(form.data.personId);
		const today = toJstDate(new Date());
		const open = (await listMyAssignments(db, person.id, today, moduleVersions())).filter(
			(a) => a.status !== 'passed' && a.status !== 'exempt'
		);
		const outcome = await sendReminder(
			db,
			user,
			person.id,
			open.map((a) => titleOf(a.moduleSlug)),
			today,
			event.getClientAddress()
		);
		if (!outcome.ok) return fail(400, failure(outcome.message));
		return { reminded: person.name };
	}
};
