import * as m from '../../paraglide/messages';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Db } from '../db/client';
import { applyDraft } from '../import/service';
import { evaluateAssignments } from '../assignments';
import { closeFiscalYear } from '../reports/close';
import type { ModuleInfo } from '../reports/dashboard';
import { csvStream, type Cell, type CsvEncoding } from '../export/csv';
import { personAssignmentPages, PERSON_ASSIGNMENT_HEADER } from '../export/person-assignments';
import { toJstDate } from '../../domain/japanese-date';
import { JobFailure, type JobContext, type JobHandler } from './runner';
import type { JobKind } from '../../domain/job';

/** What each kind of job is given when it is started (stored as the job's params). */
export type StaffImportParams = { draftId: string; skipErrorRows: boolean; confirmDeactivation: boolean; employeeNo: string; ip: string | null };
export type PersonExportParams = { fiscalYear: number; encoding: CsvEncoding; moduleSlug: string | null; scopePaths: string[] | null; fileName: string };
export type FiscalYearCloseParams = { fiscalYear: number; employeeNo: string; name: string; ip: string | null };

/** Phases as stored; the page words them through the message catalog. */
export const PHASES = ['import', 'evaluate', 'assign', 'export', 'collect'] as const;
export type Phase = (typeof PHASES)[number];

type Deps = {
	versions: () => ReadonlyMap<string, string>;
	modules: () => readonly ModuleInfo[];
	titleOf: (slug: string) => string;
	now?: () => Date;
};

const actorOf = (ctx: JobContext, employeeNo: string) => ({ id: ctx.job.createdBy, orgId: ctx.job.orgId, employeeNo });

/** Re-evaluates the organisation's assignments, reporting each curriculum item and each write. */
export async function reEvaluate(ctx: JobContext, versions: ReadonlyMap<string, string>, now: Date) {
	return evaluateAssignments(ctx.db, ctx.job.orgId, toJstDate(now), versions, now, ({ phase, done, total }) =>
		ctx.progress({ phase: phase === 'evaluate' ? 'evaluate' : 'assign', done, total })
	);
}

/** Counts rows as pages go by, reporting progress and yielding between pages. */
async function* counted(pages: AsyncIterable<Cell[][]>, ctx: JobContext, state: { rows: number }) {
	for await (const page of pages) {
		state.rows += page.length;
		yield page;
		await ctx.progress({ done: state.rows });
	}
}

export const EXPORT_PAGE_SIZE = 500;

export function jobHandlers(deps: Deps): Record<JobKind, JobHandler> {
	const now = deps.now ?? (() => new Date());
	return {
		/** The import is one transaction (all or nothing); the re-evaluation after it is idempotent. */
		async staff_import(ctx) {
			const p = ctx.job.params as StaffImportParams;
			await ctx.progress({ phase: 'import', done: 0, total: null });
			const outcome = await applyDraft(ctx.db, { ...actorOf(ctx, p.employeeNo), ip: p.ip }, p.draftId, { skipErrorRows: p.skipErrorRows, confirmDeactivation: p.confirmDeactivation });
			if (!outcome.ok) throw new JobFailure(outcome.message);
			await ctx.note({ importId: outcome.importId });
			let created: number;
			try {
				created = await reEvaluate(ctx, deps.versions(), now());
			} catch (e) {
				console.error('[manabi] re-evaluation after import failed:', e);
				throw new JobFailure(m.job_failed_import_refresh());
			}
			return { result: { importId: outcome.importId, assignmentsCreated: created } };
		},

		/** Streams the CSV to a file (never the whole list in memory); the file name is random. */
		async person_export(ctx) {
			const p = ctx.job.params as PersonExportParams;
			await ctx.progress({ phase: 'export', done: 0, total: null });
			const state = { rows: 0 };
			// smaller pages than the direct download's 2,000 staff: each page is a stretch the event loop waits for
			const pages = personAssignmentPages(ctx.db, { orgId: ctx.job.orgId, fiscalYear: p.fiscalYear, scopePaths: p.scopePaths, moduleSlug: p.moduleSlug ?? undefined, titleOf: deps.titleOf, pageSize: EXPORT_PAGE_SIZE });
			const out = ctx.outputPath();
			const stream = csvStream(PERSON_ASSIGNMENT_HEADER, counted(pages, ctx, state), p.encoding);
			await pipeline(Readable.fromWeb(stream as unknown as NodeReadableStream<Uint8Array>), createWriteStream(out.path, { mode: 0o600 }));
			await ctx.progress({ done: state.rows, total: state.rows });
			return { result: { rows: state.rows, fileName: p.fileName, encoding: p.encoding }, outputFile: out.name };
		},

		/** After the organisation chart changed: which 課 staff belong to decides some curricula. */
		async assignment_refresh(ctx) {
			await ctx.progress({ phase: 'evaluate', done: 0, total: null });
			return { result: { assignmentsCreated: await reEvaluate(ctx, deps.versions(), now()) } };
		},

		/** The pack is built first, then stored with its audit event in one transaction. */
		async fiscal_year_close(ctx) {
			const p = ctx.job.params as FiscalYearCloseParams;
			await ctx.progress({ phase: 'collect', done: 0, total: null });
			const outcome = await closeFiscalYear(ctx.db, { id: ctx.job.createdBy, orgId: ctx.job.orgId, employeeNo: p.employeeNo, name: p.name }, p.fiscalYear, deps.modules(), p.ip, now());
			if (!outcome.ok) throw new JobFailure(outcome.message);
			return { result: { fiscalYear: p.fiscalYear, sha256: outcome.sha256 } };
		}
	};
}
