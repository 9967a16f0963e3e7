import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { requireSection } from '$lib/server/guards';
import { BAD_FORM_MESSAGE, failure, readForm, readUpload } from '$lib/server/forms';
import { listImports, undoLastImport } from '$lib/server/import/apply';
import { applyDraft, previewImport } from '$lib/server/import/service';
import { MAX_IMPORT_BYTES } from '$lib/server/import/decode';
import { refreshAssignments } from '$lib/server/assignment-runner';
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
		if (typeof draftId !== 'string') return fail(400, failure(BAD_FORM_MESSAGE));
		const outcome = await applyDraft(db, { ...user, ip: getClientAddress() }, draftId, {
			skipErrorRows: read.form.get('skipErrorRows') === 'on',
			confirmDeactivation: read.form.get('confirmDeactivation') === 'on'
		});
		if (!outcome.ok) return fail(400, failure(outcome.message));
		await refreshAssignments(user.orgId);
		redirect(303, '/hr/import?done=applied');
	},
	undo: async ({ request, getClientAddress }) => {
		const user = requireSection('hr');
		const read = await readForm(request);
		if (!read.ok) return fail(400, failure(read.message));
		const importId = read.form.get('importId');
		if (typeof importId !== 'string') return fail(400, failure(BAD_FORM_MESSAGE));
		const outcome = await undoLastImport(db, { orgId: user.orgId, actorId: user.id, ip: getClientAddress() }, importId);
		if (!outcome.ok) return fail(400, failure(outcome.message));
		redirect(303, '/hr/import?done=undone');
	}
};
