import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { fiscalYearOf, toJstDate } from '#lib/domain/japanese-date.ts';
import { db } from '#lib/server/db/index.ts';
import { requireUser } from '#lib/server/guards.ts';
import { getProfile } from '#lib/server/people.ts';
import { listMyAssignments } from '#lib/server/assignments.ts';
import { moduleVersions } from '#lib/server/assignment-runner.ts';
import { getModule } from '#lib/server/content/catalog.ts';
import { listNotices, markNoticeRead } from '#lib/server/notices.ts';
import { failure, parseForm } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const today = toJstDate(new Date());
	const profile = await getProfile(db, user.id, today, user.grants);
	if (!profile) error(404, m.err_person_not_found());
	const [assignments, notices] = await Promise.all([
		listMyAssignments(db, user.id, today, moduleVersions()),
		listNotices(db, user.id, 10)
	]);
	return {
		profile,
		fiscalYear: fiscalYearOf(today),
		assignments: assignments.map((a) => ({ ...a, title: getModule(a.moduleSlug)?.title ?? a.moduleSlug })),
		notices
	};
};

export const actions: Actions = {
	read: async (event) => {
		const user = requireUser();
		const form = await parseForm(
			event.request,
			z.object({ noticeId: z.string().regex(/^[a-z2-7]{24}$/, m.err_notice_ref_invalid()) })
		);
		if (!form.ok) return fail(400, form);
		if (!(await markNoticeRead(db, user.id, form.data.noticeId))) return fail(404, failure(m.err_notice_not_found()));
		return { read: true };
	}
};
