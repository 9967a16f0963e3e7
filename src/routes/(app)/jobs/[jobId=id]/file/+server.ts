import * as m from '#lib/paraglide/messages.js';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.ts';
import { requireUser } from '#lib/server/guards.ts';
import { recordAudit } from '#lib/server/audit.ts';
import { csvHeaders, type CsvEncoding } from '#lib/server/export/csv.ts';
import { jobs } from '#lib/server/jobs/index.ts';
import { getVisibleJob, jobView } from '#lib/server/jobs/queries.ts';
import type { PersonExportParams } from '#lib/server/jobs/handlers.ts';
import type { RequestHandler } from './$types';

/** The job's CSV, for its creator only, audited at each download as the direct export was. */
export const GET: RequestHandler = async ({ params, getClientAddress }) => {
	const user = requireUser();
	const row = await getVisibleJob(db, user, params.jobId);
	if (!row) error(404, m.job_err_file_not_found());
	const view = jobView(row);
	const path = row.outputFile ? jobs.filePath(row.outputFile) : null;
	if (!view.hasFile || !path || !existsSync(path)) error(404, m.job_err_file_expired());
	const p = row.params as PersonExportParams;
	const result = (row.result ?? {}) as { fileName?: string; encoding?: CsvEncoding };
	await recordAudit(db, {
		orgId: user.orgId,
		actorId: user.id,
		action: 'export.downloaded',
		targetType: 'export',
		targetId: 'persons',
		after: { fiscalYear: p.fiscalYear, encoding: p.encoding, moduleSlug: p.moduleSlug ?? null, jobId: row.id },
		ip: getClientAddress()
	});
	// 1 MB reads: a 130 MB file in 64 KB pieces spent about a second in the stream plumbing
	const body = Readable.toWeb(
		createReadStream(path, { highWaterMark: 1 << 20 })
	) as unknown as ReadableStream<Uint8Array>;
	const headers = {
		...csvHeaders(result.fileName ?? 'export.csv', result.encoding ?? p.encoding),
		'content-length': String(statSync(path).size)
	};
	return new Response(body, { headers });
};
