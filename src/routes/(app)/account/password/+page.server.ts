import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { db } from '#lib/server/db/index.ts';
import { sessionPolicy } from '#lib/server/config.ts';
import { requireUser } from '#lib/server/guards.ts';
import { changePassword } from '#lib/server/auth/sign-in.ts';
import { setSessionCookie } from '#lib/server/auth/cookie.ts';
import { failure, fields, parseForm } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

const schema = () =>
	z.object({
		current: fields.password(m.password_label_current()),
		next: fields.password(m.password_label_next()),
		confirm: fields.password(m.password_label_confirm())
	});

export const load: PageServerLoad = () => ({ forced: requireUser().mustChangePassword });

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser();
		const form = await parseForm(event.request, schema(), ['current', 'next', 'confirm']);
		if (!form.ok) return fail(400, form);
		if (form.data.next !== form.data.confirm)
			return fail(400, failure(m.err_check_input(), { confirm: m.password_err_mismatch() }));
		const result = await changePassword(
			db,
			user.id,
			form.data.current,
			form.data.next,
			sessionPolicy,
			event.getClientAddress()
		);
		if (!result.ok) return fail(400, failure(m.err_check_input(), { [result.field]: result.message }));
		setSessionCookie(event, result.token, result.expiresAt);
		return { done: true };
	}
};
