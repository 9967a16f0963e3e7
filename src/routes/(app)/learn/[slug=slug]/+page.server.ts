import { error, redirect } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.ts';
import { requireUser } from '#lib/server/guards.ts';
import { getModule } from '#lib/server/content/catalog.ts';
import { statusOf, toModuleSummary } from '#lib/server/learner-modules.ts';
import { getProgress, listHistory, saveProgress } from '#lib/server/learning.ts';
import { startOrResumeAttempt } from '#lib/server/quiz/service.ts';
import { attemptHref } from '#lib/routes.ts';
import { singleWholeNumber } from '#lib/domain/query.ts';
import type { Actions, PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

function requireModule(slug: string) {
	const module = getModule(slug);
	if (!module) error(404, m.err_module_not_found());
	return module;
}

/** `?s=N` opens page N and remembers it; without it (or with a garbled one) the learner resumes where they stopped. */
export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireUser();
	const module = requireModule(params.slug);
	const count = module.sections.length;
	const requested = singleWholeNumber(url.searchParams.getAll('s'), 4);
	if (requested !== null)
		await saveProgress(db, {
			personId: user.id,
			slug: module.slug,
			version: module.version,
			section: Math.min(Math.max(requested, 1), count) - 1,
			sectionCount: count
		});
	const [progress, history] = await Promise.all([
		getProgress(db, user.id, module.slug, module.version),
		listHistory(db, user.id)
	]);
	const index =
		requested !== null ? Math.min(Math.max(requested, 1), count) - 1 : Math.min(progress?.section ?? 0, count - 1);
	const status = statusOf(module, progress ? [progress] : [], history);
	return {
		module: toModuleSummary(module),
		status,
		index,
		count,
		titles: module.sections.map((s) => s.title),
		html: module.sections[index].html
	};
};

export const actions: Actions = {
	start: async ({ params }) => {
		const user = requireUser();
		const module = requireModule(params.slug);
		const attemptId = await startOrResumeAttempt(db, user, module);
		redirect(303, attemptHref(module.slug, attemptId));
	}
};
