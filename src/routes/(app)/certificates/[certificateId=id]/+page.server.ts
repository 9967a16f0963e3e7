import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { getCertificateFor } from '$lib/server/certificates';
import { toJstDate } from '$lib/domain/japanese-date';
import type { PageServerLoad } from './$types';

/** Someone who may not open the certificate learns nothing, not even that it exists. */
export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const certificate = await getCertificateFor(db, user, params.certificateId, toJstDate(new Date()));
	if (!certificate) error(404, '修了証が見つかりません。');
	return { certificate, own: certificate.person.id === user.id };
};
