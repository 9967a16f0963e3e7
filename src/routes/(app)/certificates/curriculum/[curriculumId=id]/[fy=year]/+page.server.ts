import { error, redirect } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.ts';
import { requireUser } from '#lib/server/guards.ts';
import { openCurriculumCertificate } from '#lib/server/certificates.ts';
import { toJstDate } from '#lib/domain/japanese-date.ts';
import { certificateHref } from '#lib/routes.ts';
import type { PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

/** The signed-in person's certificate for a curriculum completed in the 年度 (issued on first open). */
export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const cert = await openCurriculumCertificate(db, user, params.curriculumId, Number(params.fy), toJstDate(new Date()));
	if (!cert) error(404, m.cert_err_none_curriculum());
	redirect(303, certificateHref(cert.id));
};
