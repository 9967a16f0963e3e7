import { error, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { openCurriculumCertificate } from '$lib/server/certificates';
import { toJstDate } from '$lib/domain/japanese-date';
import { certificateHref } from '$lib/routes';
import type { PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';

/** The signed-in person's certificate for a curriculum completed in the 年度 (issued on first open). */
export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const cert = await openCurriculumCertificate(db, user, params.curriculumId, Number(params.fy), toJstDate(new Date()));
	if (!cert) error(404, m.cert_err_none_curriculum());
	redirect(303, certificateHref(cert.id));
};
