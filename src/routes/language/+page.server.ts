import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { db } from '#lib/server/db/index.ts';
import { failure, parseForm } from '#lib/server/forms.ts';
import { savePersonLocale, setLocaleCookie } from '#lib/server/locale.ts';
import { APP_LOCALES, safeReturnPath } from '#lib/i18n/locales.ts';
import { m } from '#lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

/** The language page itself: the header's switch posts here; without it, a person can choose here. */
export const load: PageServerLoad = ({ url }) => ({ next: safeReturnPath(url.searchParams.get('next')) });

export const actions: Actions = {
	/** Switches the display language: for this browser, and for the signed-in person wherever they sign in. */
	default: async ({ request, cookies, locals }) => {
		const schema = z.object({
			locale: z.enum(APP_LOCALES, { error: m.language_invalid() }),
			next: z.string().optional()
		});
		const form = await parseForm(request, schema);
		if (!form.ok) return fail(400, failure(form.fieldErrors.locale ?? form.message, form.fieldErrors, form.values));
		const { locale, next } = form.data;
		setLocaleCookie(cookies, locale);
		const who = locals.user ?? locals.pendingUser;
		if (who) await savePersonLocale(db, who.id, locale);
		redirect(303, safeReturnPath(next));
	}
};
