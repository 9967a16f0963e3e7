import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { isIsoDate, toJstDate } from '$lib/domain/japanese-date';
import { db } from '$lib/server/db';
import { requireSection } from '$lib/server/guards';
import { failure, fields, parseForm } from '$lib/server/forms';
import { listRecentTraining, recordTraining, TRAINING_KINDS } from '$lib/server/training';
import { CATEGORIES } from '$lib/server/content/types';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({
	employeeNo: fields.employeeNo(),
	kind: z.enum(TRAINING_KINDS, '種別を選んでください。'),
	title: fields.text('研修名・資格名', 100),
	category: z.enum(CATEGORIES, '分野を選んでください。'),
	date: z.string({ error: '日付を入力してください。' }).refine(isIsoDate, '日付を正しく入力してください。').refine((d) => d <= toJstDate(new Date()), '未来の日付は記録できません。')
});

export const load: PageServerLoad = async () => {
	const user = requireSection('hr');
	return { recent: await listRecentTraining(db, user.orgId), categories: [...CATEGORIES] };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireSection('hr');
		const form = await parseForm(event.request, schema);
		if (!form.ok) return fail(400, form);
		const outcome = await recordTraining(db, user, form.data, event.getClientAddress());
		if (!outcome.ok) return fail(400, failure('入力内容を確かめてください。', { [outcome.field]: outcome.message }, { ...form.data }));
		return { saved: outcome.name };
	}
};
