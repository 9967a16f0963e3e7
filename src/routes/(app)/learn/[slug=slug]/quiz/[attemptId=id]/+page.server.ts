import { error, fail, redirect } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.ts';
import { requireUser } from '#lib/server/guards.ts';
import { getModule } from '#lib/server/content/catalog.ts';
import { getOwnAttempt, getResult, listSavedAnswers } from '#lib/server/learning.ts';
import { saveProgressAnswers, submitAttempt, toQuizView, toResultView } from '#lib/server/quiz/service.ts';
import { failure, readForm } from '#lib/server/forms.ts';
import { toModuleSummary } from '#lib/server/learner-modules.ts';
import type { Actions, PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

/** A multiple-choice question sends one `q:<item>` field per chosen option. */
const isAnswer = (key: string) => key.startsWith('q:');

/** The learner's own attempt on this module, else 404 (another person's id tells nothing). */
async function requireAttempt(slug: string, attemptId: string) {
	const user = requireUser();
	const module = getModule(slug);
	const attempt = module && (await getOwnAttempt(db, attemptId, user.id));
	if (!module || !attempt || attempt.moduleSlug !== slug) error(404, m.err_quiz_not_found());
	return { module, attempt };
}

export const load: PageServerLoad = async ({ params }) => {
	const { module, attempt } = await requireAttempt(params.slug, params.attemptId);
	const result = await getResult(db, attempt.id);
	const common = { module: toModuleSummary(module), attemptId: attempt.id };
	if (result)
		return {
			...common,
			state: 'result' as const,
			result: {
				score: result.score,
				maxScore: result.maxScore,
				passed: result.passed,
				submittedAt: result.submittedAt,
				passMark: attempt.passMark,
				moduleVersion: result.moduleVersion
			},
			items: toResultView(module, attempt.draw, result.answers)
		};
	return {
		...common,
		state: 'open' as const,
		items: toQuizView(module, attempt.draw),
		saved: await listSavedAnswers(db, attempt.id)
	};
};

export const actions: Actions = {
	save: async ({ request, params }) => {
		const { attempt } = await requireAttempt(params.slug, params.attemptId);
		const read = await readForm(request, isAnswer);
		if (!read.ok) return fail(400, failure(read.message));
		const form = read.form;
		const outcome = await saveProgressAnswers(db, attempt, form);
		if (!outcome.ok) return fail(400, failure(outcome.message));
		return { saved: true };
	},
	submit: async ({ request, params, url }) => {
		const { attempt } = await requireAttempt(params.slug, params.attemptId);
		const read = await readForm(request, isAnswer);
		if (!read.ok) return fail(400, failure(read.message));
		const form = read.form;
		const outcome = await submitAttempt(db, attempt, form);
		if (!outcome.ok) return fail(400, failure(outcome.message));
		redirect(303, url.pathname);
	}
};
