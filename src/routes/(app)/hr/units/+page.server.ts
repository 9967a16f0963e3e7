import { depthOf } from '#lib/domain/unit-path.ts';
import { fail } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { failure, readUpload } from '#lib/server/forms.ts';
import { decodeCsvBytes, MAX_IMPORT_BYTES } from '#lib/server/import/decode.ts';
import { importUnits } from '#lib/server/import/units.ts';
import { listUnits } from '#lib/server/org.ts';
import { groupBy } from '#lib/server/staff-snapshot.ts';
import { jobs } from '#lib/server/jobs/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireSection('hr');
	const units = await listUnits(db, user.orgId);
	const byId = new Map(units.map((u) => [u.id, u]));
	const children = groupBy(units, (u) => u.parentId ?? '');
	// the chart as a tree: each unit followed by its children, in code order
	const ordered: typeof units = [];
	const visit = (parentId: string) => {
		for (const u of [...(children.get(parentId) ?? [])].sort((a, b) =>
			a.code.localeCompare(b.code, 'ja', { numeric: true })
		)) {
			ordered.push(u);
			visit(u.id);
		}
	};
	visit('');
	return {
		units: ordered.map((u) => ({
			code: u.code,
			name: u.name,
			kana: u.kana,
			kind: u.kind,
			depth: depthOf(u.path),
			parentCode: u.parentId ? (byId.get(u.parentId)?.code ?? '') : ''
		}))
	};
};

export const actions: Actions = {
	upload: async ({ request, getClientAddress }) => {
		const user = requireSection('hr');
		const upload = await readUpload(request, MAX_IMPORT_BYTES);
		if (!upload.ok) return fail(upload.status, upload.failure);
		const decoded = decodeCsvBytes(new Uint8Array(await upload.file.arrayBuffer()));
		if (!decoded.ok) return fail(400, failure(decoded.message, { file: decoded.message }));
		const result = await importUnits(db, user, decoded.text, getClientAddress());
		if (!result.ok)
			return fail(400, {
				...failure(result.message, { file: result.message }),
				rowErrors: result.errors.slice(0, 200)
			});
		// a move changes which 課 staff belong to: curricula by unit are evaluated again, in the background
		const job = await jobs.submit({ orgId: user.orgId, createdBy: user.id, kind: 'assignment_refresh', params: {} });
		return { imported: result, jobId: job.id };
	}
};
