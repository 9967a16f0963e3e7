import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { failure, fields, parseForm } from '#lib/server/forms.ts';
import { verifyCertificateCode } from '#lib/server/certificate-views.ts';
import { toJstDate } from '#lib/domain/japanese-date.ts';
import type { Actions, PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

const schema = () => z.object({ code: fields.text(m.cert_field_code(), 40) });

export const load: PageServerLoad = async () => {
	requireSection('hr');
	return {};
};

export const actions: Actions = {
	verify: async (event) => {
		const user = requireSection('hr');
		const form = await parseForm(event.request, schema());
		if (!form.ok) return fail(400, form);
		const values = { code: form.data.code };
		const outcome = await verifyCertificateCode(
			db,
			user,
			form.data.code,
			event.getClientAddress(),
			toJstDate(new Date())
		);
		if (outcome.ok) return { certificate: outcome.certificate, values };
		if (outcome.reason === 'format')
			return fail(400, failure(m.cert_err_code_format(), { code: m.cert_err_code_format_hint() }, values));
		return fail(404, failure(m.cert_err_code_unknown(), {}, values));
	}
};
