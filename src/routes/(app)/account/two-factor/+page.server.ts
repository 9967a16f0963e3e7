import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { createTOTPKeyURI } from '@oslojs/otp';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { renderSVG } from 'uqr';
import { requiresTwoFactor, TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '#lib/domain/two-factor.ts';
import { db } from '#lib/server/db/index.ts';
import { requireUser } from '#lib/server/guards.ts';
import {
	checkCurrentCode,
	enroll,
	isEnrolled,
	newTotpKey,
	removeTwoFactor,
	renewRecoveryCodes,
	unusedRecoveryCodes
} from '#lib/server/auth/two-factor.ts';
import { failure, fields, parseForm } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

// built per request: the messages are in the reader's locale
const codeField = () => z.object({ code: fields.text(m.twofa_label_code(), 20) });
const enrollForm = () => codeField().extend({ key: fields.text(m.twofa_label_key(), 64) });
const wrongCode = () => failure(m.twofa_err_wrong_code(), { code: m.twofa_err_wrong_code_field() });

function decodeKey(text: string) {
	try {
		const key = decodeBase32IgnorePadding(text.replace(/\s/g, '').toUpperCase());
		return key.length === 20 ? key : null;
	} catch {
		return null;
	}
}

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser();
	const required = requiresTwoFactor(user.grants);
	if (await isEnrolled(db, user.id))
		return { enrolled: true as const, required, recoveryLeft: await unusedRecoveryCodes(db, user.id) };
	// a new key each time the page is shown; it is kept only once a code from the app matches it
	const key = newTotpKey();
	const uri = createTOTPKeyURI('まなび', user.employeeNo, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
	return {
		enrolled: false as const,
		required,
		forced: locals.mustEnrollTwoFactor,
		key: encodeBase32UpperCaseNoPadding(key),
		qr: renderSVG(uri, { border: 2 })
	};
};

export const actions: Actions = {
	enroll: async (event) => {
		const user = requireUser();
		const form = await parseForm(event.request, enrollForm(), ['code']);
		if (!form.ok) return fail(400, form);
		const key = decodeKey(form.data.key);
		if (!key) return fail(400, failure(m.twofa_err_bad_key()));
		if (await isEnrolled(db, user.id)) return fail(409, failure(m.twofa_err_already()));
		const codes = await enroll(db, user, event.locals.session!.id, key, form.data.code, event.getClientAddress());
		if (!codes) return fail(400, { ...wrongCode(), values: { key: form.data.key } });
		return { recoveryCodes: codes, enrolledNow: true };
	},
	renew: async (event) => {
		const user = requireUser();
		const form = await parseForm(event.request, codeField(), ['code']);
		if (!form.ok) return fail(400, form);
		const codes = await renewRecoveryCodes(db, user, form.data.code, event.getClientAddress());
		if (!codes) return fail(400, wrongCode());
		return { recoveryCodes: codes };
	},
	remove: async (event) => {
		const user = requireUser();
		if (requiresTwoFactor(user.grants)) return fail(403, failure(m.twofa_err_cannot_disable()));
		const form = await parseForm(event.request, codeField(), ['code']);
		if (!form.ok) return fail(400, form);
		if (!(await checkCurrentCode(db, user.id, form.data.code))) return fail(400, wrongCode());
		await removeTwoFactor(db, user, user.id, event.getClientAddress(), event.locals.session?.id);
		return { removed: true };
	}
};
