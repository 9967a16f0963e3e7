import { error } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.ts';
import { requireUser } from '#lib/server/guards.ts';
import { getCertificateFor } from '#lib/server/certificate-views.ts';
import { toJstDate } from '#lib/domain/japanese-date.ts';
import type { PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

/** Someone who may not open the certificate learns nothing, not even that it exists. */
export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const certificate = await getCertificateFor(db, user, params.certificateId, toJstDate(new Date()));
	if (!certificate) error(404, m.cert_err_not_found());
	return { certificate, own: certificate.person.id === user.id };
};
