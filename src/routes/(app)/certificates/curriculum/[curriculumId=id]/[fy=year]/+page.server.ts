import { error, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { openCurriculumCertificate } from '$lib/server/certificates';
import { toJstDate } from '$lib/domain/japanese-date';
import { certificateHref } from '$lib/routes';
import type { PageServerLoad } from './$types';

/** The signed-in person's certificate for a curriculum completed in the 年度 (issued on first open). */
export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const cert = await openCurriculumCertificate(db, user, params.curriculumId, Number(params.fy), toJstDate(new Date()));
	if (!cert) error(404, 'この年度にこの研修計画を修了した記録がないため、修了証はありません。');
	redirect(303, certificateHref(cert.id));
};
