import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { isIsoDate, toJstDate } from '$lib/domain/japanese-date';
import { db } from '$lib/server/db';
import { requireSection } from '$lib/server/guards';
import { failure, fields, parseForm, readForm } from '$lib/server/forms';
import { importTraining, listRecentTraining, recordTraining, TRAINING_KINDS } from '$lib/server/training';
import { decodeCsvBytes } from '$lib/server/import/decode';
import { readTrainingCsv } from '$lib/server/import/training-csv';
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
	upload: async (event) => {
		const user = requireSection('hr');
		const read = await readForm(event.request);
		if (!read.ok) return fail(400, { upload: true, ...failure(read.message), rowErrors: [] });
		const file = read.form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { upload: true, ...failure('CSV ファイルを選んでください。'), rowErrors: [] });
		const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
		if (!decoded.ok) return fail(400, { upload: true, ...failure(decoded.message), rowErrors: [] });
		const parsed = readTrainingCsv(decoded.text, CATEGORIES, toJstDate(new Date()));
		if (!parsed.ok) return fail(400, { upload: true, ...failure(parsed.message), rowErrors: [] });
		if (parsed.errors.length) return fail(400, { upload: true, ...failure(`${parsed.errors.length}件のエラーがあるため、何も記録していません。ファイルを直してからもう一度選んでください。`), rowErrors: parsed.errors });
		const outcome = await importTraining(db, user, parsed.rows, event.getClientAddress());
		if (!outcome.ok) return fail(400, { upload: true, ...failure(outcome.message), rowErrors: outcome.errors });
		return { imported: outcome.added, duplicates: outcome.duplicates };
	},
	record: async (event) => {
		const user = requireSection('hr');
		const form = await parseForm(event.request, schema);
		if (!form.ok) return fail(400, form);
		const outcome = await recordTraining(db, user, form.data, event.getClientAddress());
		if (!outcome.ok) return fail(400, failure('入力内容を確かめてください。', { [outcome.field]: outcome.message }, { ...form.data }));
		return { saved: outcome.name };
	}
};
