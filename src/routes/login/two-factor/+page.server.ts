import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { retryMinutes } from '#lib/domain/throttle.ts';
import { loginHref, safeNext } from '#lib/routes.ts';
import { db } from '#lib/server/db/index.ts';
import { sessionPolicy } from '#lib/server/config.ts';
import { verifySecondFactor } from '#lib/server/auth/two-factor.ts';
import { setSessionCookie } from '#lib/server/auth/cookie.ts';
import { failure, fields, parseForm } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

const schema = () => z.object({ code: fields.text(m.twofa_label_code(), 40) });

/** Only someone whose password was accepted and who has an authenticator app gets here. */
function pending(locals: App.Locals, url: URL) {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')) ?? '/');
	if (!locals.pendingUser || !locals.session) redirect(303, loginHref());
	return { user: locals.pendingUser, session: locals.session };
}

export const load: PageServerLoad = ({ locals, url }) => {
	pending(locals, url);
};

export const actions: Actions = {
	default: async (event) => {
		const { user, session } = pending(event.locals, event.url);
		const form = await parseForm(event.request, schema(), ['code']);
		if (!form.ok) return fail(400, form);
		const result = await verifySecondFactor(
			db,
			user,
			session.id,
			form.data.code,
			event.getClientAddress(),
			sessionPolicy
		);
		if (!result.ok && result.reason === 'throttled')
			return fail(429, failure(m.login_err_2fa_locked({ minutes: retryMinutes(result.retryAfterMs) })));
		if (!result.ok) return fail(400, failure(m.login_err_2fa_wrong(), { code: m.login_err_2fa_wrong_field() }));
		setSessionCookie(event, result.token, result.expiresAt);
		redirect(303, safeNext(event.url.searchParams.get('next')) ?? '/');
	}
};
