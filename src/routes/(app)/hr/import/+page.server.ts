import { fail, redirect } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { badFormMessage, failure, readForm, readUpload } from '#lib/server/forms.ts';
import { listImports, undoLastImport } from '#lib/server/import/undo.ts';
import { checkDraft, previewImport } from '#lib/server/import/service.ts';
import { MAX_IMPORT_BYTES } from '#lib/server/import/decode.ts';
import { jobs } from '#lib/server/jobs/index.ts';
import type { StaffImportParams } from '#lib/server/jobs/handlers.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireSection('hr');
	return { imports: await listImports(db, user.orgId), done: url.searchParams.get('done') };
};

export const actions: Actions = {
	preview: async ({ request }) => {
		const user = requireSection('hr');
		const upload = await readUpload(request, MAX_IMPORT_BYTES);
		if (!upload.ok) return fail(upload.status, upload.failure);
		const result = await previewImport(db, user, upload.file);
		if (!result.ok) return fail(400, failure(result.message, { file: result.message }));
		return { preview: result.preview };
	},
	apply: async ({ request, getClientAddress }) => {
		const user = requireSection('hr');
		const read = await readForm(request);
		if (!read.ok) return fail(400, failure(read.message));
		const draftId = read.form.get('draftId');
		if (typeof draftId !== 'string') return fail(400, failure(badFormMessage()));
		const opts = {
			skipErrorRows: read.form.get('skipErrorRows') === 'on',
			confirmDeactivation: read.form.get('confirmDeactivation') === 'on'
		};
		// what HR can put right is answered here, on the form; the apply and the re-evaluation run as a job
		const check = await checkDraft(db, user, draftId, opts);
		if (!check.ok) return fail(400, failure(check.message));
		const params: StaffImportParams = { draftId, ...opts, employeeNo: user.employeeNo, ip: getClientAddress() };
		const { id } = await jobs.submit({ orgId: user.orgId, createdBy: user.id, kind: 'staff_import', params });
		redirect(303, `/jobs/${id}`);
	},
	undo: async ({ request, getClientAddress }) => {
		const user = requireSection('hr');
		const read = await readForm(request);
		if (!read.ok) return fail(400, failure(read.message));
		const importId = read.form.get('importId');
		if (typeof importId !== 'string') return fail(400, failure(badFormMessage()));
		const outcome = await undoLastImport(db, { orgId: user.orgId, actorId: user.id, ip: getClientAddress() }, importId);
		if (!outcome.ok) return fail(400, failure(outcome.message));
		redirect(303, '/hr/import?done=undone');
	}
};
