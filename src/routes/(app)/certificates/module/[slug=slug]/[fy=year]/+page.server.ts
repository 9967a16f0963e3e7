import { error, redirect } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.ts';
import { requireUser } from '#lib/server/guards.ts';
import { getModule } from '#lib/server/content/catalog.ts';
import { openModuleCertificate } from '#lib/server/certificates.ts';
import { certificateHref } from '#lib/routes.ts';
import type { PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

/** The signed-in person's certificate for a module passed in the 年度 (issued on first open). */
export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const module = getModule(params.slug);
	const cert = module && (await openModuleCertificate(db, user, module.slug, Number(params.fy), module.title));
	if (!cert) error(404, m.cert_err_none_module());
	redirect(303, certificateHref(cert.id));
};
