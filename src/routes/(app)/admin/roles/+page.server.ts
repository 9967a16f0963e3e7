import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { ROLE_LABELS } from '#lib/domain/access.ts';
import { GRANTABLE_ROLES } from '#lib/domain/role-grant.ts';
import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { grantRole, listRoleGrants, revokeRole } from '#lib/server/roles.ts';
import { getPersonByEmployeeNo } from '#lib/server/people.ts';
import { isEnrolled, removeTwoFactor } from '#lib/server/auth/two-factor.ts';
import { failure, fields, parseForm } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

// schemas are built per request: their messages are in the reader's locale
const grantForm = () =>
	z.object({
		employeeNo: fields.employeeNo(),
		role: fields.text(m.roles_label_role(), 40),
		unitCode: fields.optionalText(m.roles_label_unit_code(), 20)
	});
const revokeForm = () => z.object({ grantId: fields.text(m.roles_label_role(), 40) });
const resetForm = () => z.object({ employeeNo: fields.employeeNo() });

export const load: PageServerLoad = async () => {
	const user = requireSection('admin');
	return {
		grants: await listRoleGrants(db, user.orgId),
		roles: GRANTABLE_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))
	};
};

export const actions: Actions = {
	grant: async (event) => {
		const user = requireSection('admin');
		const form = await parseForm(event.request, grantForm());
		if (!form.ok) return fail(400, { ...form, action: 'grant' as const });
		const result = await grantRole(
			db,
			user,
			{ ...form.data, unitCode: form.data.unitCode || undefined },
			event.getClientAddress()
		);
		if (!result.ok)
			return fail(400, {
				...failure(m.err_check_input(), result.fieldErrors, {
					employeeNo: form.data.employeeNo,
					role: form.data.role,
					unitCode: form.data.unitCode ?? ''
				}),
				action: 'grant' as const
			});
		return { granted: true };
	},
	revoke: async (event) => {
		const user = requireSection('admin');
		const form = await parseForm(event.request, revokeForm());
		if (!form.ok) return fail(400, { ...form, action: 'revoke' as const });
		const result = await revokeRole(db, user, form.data.grantId, event.getClientAddress());
		if (!result.ok) return fail(400, { ...failure(result.message), action: 'revoke' as const });
		return { revoked: true };
	},
	resetTwoFactor: async (event) => {
		const user = requireSection('admin');
		const form = await parseForm(event.request, resetForm());
		if (!form.ok) return fail(400, { ...form, action: 'reset' as const });
		const target = await getPersonByEmployeeNo(db, user.orgId, form.data.employeeNo);
		if (!target || !(await isEnrolled(db, target.id)))
			return fail(400, {
				...failure(m.err_check_input(), { employeeNo: m.roles_err_no_two_factor() }, form.data),
				action: 'reset' as const
			});
		await removeTwoFactor(db, user, target.id, event.getClientAddress());
		return { resetFor: m.person_name_with_no({ name: target.name, employeeNo: target.employeeNo }) };
	}
};
