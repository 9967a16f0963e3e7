import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { homeSection } from '#lib/domain/access.ts';
import { retryMinutes } from '#lib/domain/throttle.ts';
import { SECTION_HREF, safeNext, twoFactorHref } from '#lib/routes.ts';
import { db } from '#lib/server/db/index.ts';
import { homeOrgCode, sessionPolicy } from '#lib/server/config.ts';
import { getHomeOrganisation } from '#lib/server/org.ts';
import { signIn } from '#lib/server/auth/sign-in.ts';
import { setSessionCookie } from '#lib/server/auth/cookie.ts';
import { failure, fields, parseForm } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

const schema = () => z.object({ employeeNo: fields.employeeNo(), password: fields.password() });

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, SECTION_HREF[homeSection(locals.user)]);
	if (locals.pendingUser) redirect(303, twoFactorHref(safeNext(url.searchParams.get('next')) ?? undefined));
};

export const actions: Actions = {
	default: async (event) => {
		const form = await parseForm(event.request, schema(), ['password']);
		if (!form.ok) return fail(400, form);
		const org = await getHomeOrganisation(db, homeOrgCode);
		if (!org) return fail(503, failure(m.login_err_no_org()));
		const result = await signIn(db, { orgId: org.id, ...form.data, ip: event.getClientAddress() }, sessionPolicy);
		const values = { employeeNo: form.data.employeeNo };
		if (!result.ok && result.reason === 'throttled')
			return fail(429, failure(m.login_err_locked({ minutes: retryMinutes(result.retryAfterMs) }), {}, values));
		if (!result.ok) return fail(400, failure(m.login_err_wrong(), {}, values));
		setSessionCookie(event, result.token, result.expiresAt);
		const next = safeNext(event.url.searchParams.get('next')) ?? '/';
		redirect(303, result.needsSecondFactor ? twoFactorHref(next) : next);
	}
};
