import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { isIsoDate, toJstDate } from '#lib/domain/japanese-date.ts';
import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { failure, fields, parseForm, readUpload } from '#lib/server/forms.ts';
import { importTraining, listRecentTraining, recordTraining, TRAINING_KINDS } from '#lib/server/training.ts';
import { decodeCsvBytes, MAX_IMPORT_BYTES } from '#lib/server/import/decode.ts';
import { readTrainingCsv } from '#lib/server/import/training-csv.ts';
import { CATEGORIES } from '#lib/server/content/types.ts';
import type { Actions, PageServerLoad } from './$types';
import * as m from '#lib/paraglide/messages.js';

const schema = () =>
	z.object({
		employeeNo: fields.employeeNo(),
		kind: z.enum(TRAINING_KINDS, m.training_err_choose_kind()),
		title: fields.text(m.training_label_title(), 100),
		category: z.enum(CATEGORIES, m.training_err_choose_category()),
		date: z
			.string({ error: m.training_err_date_required() })
			.refine(isIsoDate, m.training_err_date_invalid())
			.refine((d) => d <= toJstDate(new Date()), m.training_err_date_future())
	});

export const load: PageServerLoad = async () => {
	const user = requireSection('hr');
	return { recent: await listRecentTraining(db, user.orgId), categories: [...CATEGORIES] };
};

export const actions: Actions = {
	upload: async (event) => {
		const user = requireSection('hr');
		// the same reader and size limit as the staff import: an oversized file is refused before it is read
		const upload = await readUpload(event.request, MAX_IMPORT_BYTES);
		if (!upload.ok) return fail(upload.status, { upload: true, ...upload.failure, rowErrors: [] });
		const decoded = decodeCsvBytes(new Uint8Array(await upload.file.arrayBuffer()));
		if (!decoded.ok) return fail(400, { upload: true, ...failure(decoded.message), rowErrors: [] });
		const parsed = readTrainingCsv(decoded.text, CATEGORIES, toJstDate(new Date()));
		if (!parsed.ok) return fail(400, { upload: true, ...failure(parsed.message), rowErrors: [] });
		if (parsed.errors.length)
			return fail(400, {
				upload: true,
				...failure(m.training_err_upload_rows({ count: parsed.errors.length })),
				rowErrors: parsed.errors
			});
		const outcome = await importTraining(db, user, parsed.rows, event.getClientAddress());
		if (!outcome.ok) return fail(400, { upload: true, ...failure(outcome.message), rowErrors: outcome.errors });
		return { imported: outcome.added, duplicates: outcome.duplicates };
	},
	record: async (event) => {
		const user = requireSection('hr');
		const form = await parseForm(event.request, schema());
		if (!form.ok) return fail(400, form);
		const outcome = await recordTraining(db, user, form.data, event.getClientAddress());
		if (!outcome.ok)
			return fail(400, failure(m.err_check_input(), { [outcome.field]: outcome.message }, { ...form.data }));
		return { saved: outcome.name };
	}
};
