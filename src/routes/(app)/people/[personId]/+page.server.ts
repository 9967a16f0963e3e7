import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { canIssuePasswordFor, canManageTrainingOf } from '#lib/domain/access.ts';
import { isIsoDate, toJstDate } from '#lib/domain/japanese-date.ts';
import { db } from '#lib/server/db/index.ts';
import { requireManagedPerson, requirePasswordIssuer, requireUser, requireVisiblePerson } from '#lib/server/guards.ts';
import { getProfile, listGrants } from '#lib/server/people.ts';
import { issueInitialPassword } from '#lib/server/auth/sign-in.ts';
import { failure, fields, parseForm } from '#lib/server/forms.ts';
import { assignManually, listMyAssignments } from '#lib/server/assignments.ts';
import { moduleVersions } from '#lib/server/assignment-runner.ts';
import { getModule, listModules } from '#lib/server/content/catalog.ts';
import { EXEMPTION_REASONS, listExemptions, recordExemption } from '#lib/server/exemptions.ts';
import type { Actions, PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

// schemas are built per request: their messages are in the reader's locale
const date = (label: string) =>
	z.string({ error: m.people_err_date_required({ label }) }).refine(isIsoDate, m.people_err_date_invalid({ label }));
const exemptionSchema = () =>
	z
		.object({
			reason: z.enum(EXEMPTION_REASONS, m.people_err_choose_reason()),
			fromDate: date(m.people_label_from()),
			toDate: date(m.people_label_to()),
			moduleSlug: fields.optionalText(m.people_label_target_module(), 64),
			note: fields.optionalText(m.people_label_note(), 200)
		})
		.refine((v) => v.fromDate <= v.toDate, { message: m.people_err_to_before_from(), path: ['toDate'] });

const assignSchema = () =>
	z.object({
		moduleSlug: fields.text(m.people_label_module(), 64),
		dueDate: date(m.people_label_due()),
		mandatory: z.enum(['yes', 'no'], m.people_err_choose_mandatory())
	});

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const { person, units } = await requireVisiblePerson(user, params.personId);
	const today = toJstDate(new Date());
	const [profile, assignments, exemptions, grants] = await Promise.all([
		getProfile(db, person.id, today),
		listMyAssignments(db, person.id, today, moduleVersions()),
		listExemptions(db, person.orgId, person.id),
		listGrants(db, person.id)
	]);
	return {
		profile: profile!,
		assignments: assignments.map((a) => ({ ...a, title: getModule(a.moduleSlug)?.title ?? a.moduleSlug })),
		exemptions,
		reasons: EXEMPTION_REASONS,
		catalogue: listModules().map((mod) => ({ slug: mod.slug, title: mod.title })),
		canManageAccount: canIssuePasswordFor(user, {
			id: person.id,
			orgId: person.orgId,
			roles: grants.map((g) => g.role)
		}),
		canManageTraining: canManageTrainingOf(user, {
			id: person.id,
			orgId: person.orgId,
			unitPaths: units.map((u) => u.path)
		})
	};
};

export const actions: Actions = {
	issuePassword: async (event) => {
		const { user, person, self } = await requirePasswordIssuer(event.params.personId);
		if (self) return fail(400, failure(m.people_err_own_password()));
		const password = await issueInitialPassword(db, user, person.id, event.getClientAddress());
		return { issued: password };
	},
	exempt: async (event) => {
		const { user, person } = await requireManagedPerson(event.params.personId);
		const form = await parseForm(event.request, exemptionSchema());
		if (!form.ok) return fail(400, { ...form, exemptionForm: true });
		const slug = form.data.moduleSlug || null;
		if (slug && !getModule(slug))
			return fail(400, { ...failure(m.people_err_target_module_not_found()), exemptionForm: true });
		await recordExemption(
			db,
			user,
			{
				personId: person.id,
				moduleSlug: slug,
				reason: form.data.reason,
				note: form.data.note || null,
				fromDate: form.data.fromDate,
				toDate: form.data.toDate
			},
			event.getClientAddress()
		);
		return { exempted: true };
	},
	assign: async (event) => {
		const { user, person } = await requireManagedPerson(event.params.personId);
		const form = await parseForm(event.request, assignSchema());
		if (!form.ok) return fail(400, { ...form, assignForm: true });
		if (!getModule(form.data.moduleSlug))
			return fail(400, { ...failure(m.people_err_module_not_found()), assignForm: true });
		if (form.data.dueDate < toJstDate(new Date()))
			return fail(400, {
				...failure(m.err_check_input(), { dueDate: m.people_err_due_past() }, form.data),
				assignForm: true
			});
		const outcome = await assignManually(
			db,
			user,
			{
				personId: person.id,
				moduleSlug: form.data.moduleSlug,
				dueDate: form.data.dueDate,
				mandatory: form.data.mandatory === 'yes'
			},
			event.getClientAddress()
		);
		if (!outcome.ok) return fail(400, { ...failure(outcome.message, {}, form.data), assignForm: true });
		return { assigned: true };
	}
};
