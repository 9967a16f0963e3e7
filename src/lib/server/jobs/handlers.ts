import * as m from '../../paraglide/messages.js';
import { applyDraft } from '../import/service.ts';
import { evaluateAssignments } from '../assignments.ts';
import { closeFiscalYear } from '../reports/close.ts';
import type { ModuleInfo } from '../reports/target-labels.ts';
import type { CsvEncoding } from '../export/csv.ts';
import { joinSlices, staffSlices, writeSlice, type PersonExportSpec } from '../export/person-export-file.ts';
import { writeSlicesInWorkers } from '../export/export-workers.ts';
import { getLocale } from '../../paraglide/runtime.js';
import { isAppLocale } from '../../i18n/locales.ts';
import { toJstDate } from '../../domain/japanese-date.ts';
import { JobFailure, type JobContext, type JobHandler } from './runner.ts';
import type { JobKind } from '../../domain/job.ts';

/** What each kind of job is given when it is started (stored as the job's params). */
export type StaffImportParams = {
	draftId: string;
	skipErrorRows: boolean;
	confirmDeactivation: boolean;
	employeeNo: string;
	ip: string | null;
};
export type PersonExportParams = {
	fiscalYear: number;
	encoding: CsvEncoding;
	moduleSlug: string | null;
	scopePaths: string[] | null;
	fileName: string;
};
export type FiscalYearCloseParams = { fiscalYear: number; employeeNo: string; name: string; ip: string | null };

/** Phases as stored; the page words them through the message catalog. */
export const PHASES = ['import', 'evaluate', 'assign', 'export', 'collect'] as const;
export type Phase = (typeof PHASES)[number];

type Deps = {
	versions: () => ReadonlyMap<string, string>;
	modules: () => readonly ModuleInfo[];
	now?: () => Date;
	/**
	 * Export slices run in worker threads, `count` at once (build/worker/export-worker.js);
	 * without it (running from source, or EXPORT_WORKERS=0) one slice runs in this thread.
	 */
	exportWorkers?: { file: string; databaseUrl: string; count: number } | null;
};

const actorOf = (ctx: JobContext, employeeNo: string) => ({ id: ctx.job.createdBy, orgId: ctx.job.orgId, employeeNo });

/** Re-evaluates the organisation's assignments, reporting each curriculum item and each write. */
export async function reEvaluate(ctx: JobContext, versions: ReadonlyMap<string, string>, now: Date) {
	return evaluateAssignments(ctx.db, ctx.job.orgId, toJstDate(now), versions, now, ({ phase, done, total }) =>
		ctx.progress({ phase: phase === 'evaluate' ? 'evaluate' : 'assign', done, total })
	);
}

export function jobHandlers(deps: Deps): Record<JobKind, JobHandler> {
	const now = deps.now ?? (() => new Date());
	return {
		/** The import is one transaction (all or nothing); the re-evaluation after it is idempotent. */
		async staff_import(ctx) {
			const p = ctx.job.params as StaffImportParams;
			await ctx.progress({ phase: 'import', done: 0, total: null });
			const outcome = await applyDraft(ctx.db, { ...actorOf(ctx, p.employeeNo), ip: p.ip }, p.draftId, {
				skipErrorRows: p.skipErrorRows,
				confirmDeactivation: p.confirmDeactivation
			});
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

		/**
		 * Streams the CSV to a file (never the whole list in memory; the file name is random), in
		 * slices of the 職員番号 order written by worker threads at once, then joined in order.
		 */
		async person_export(ctx) {
			const p = ctx.job.params as PersonExportParams;
			await ctx.progress({ phase: 'export', done: 0, total: null });
			const spec: PersonExportSpec = {
				orgId: ctx.job.orgId,
				fiscalYear: p.fiscalYear,
				scopePaths: p.scopePaths,
				moduleSlug: p.moduleSlug,
				encoding: p.encoding,
				now: now().toISOString()
			};
			const workers = deps.exportWorkers;
			const slices = await staffSlices(ctx.db, ctx.job.orgId, workers?.count ?? 1);
			const out = ctx.outputPath();
			const paths = slices.map((_, i) => (i === 0 ? out.path : ctx.outputPath().path));
			const report = (done: number) => ctx.progress({ done });
			// module titles as plain data: a worker thread has no content catalog
			const titles: Record<string, string> = Object.fromEntries(deps.modules().map((mod) => [mod.slug, mod.title]));
			let rows = 0;
			if (workers) {
				const locale = getLocale();
				rows = await writeSlicesInWorkers(
					workers.file,
					slices.map((slice, i) => ({
						databaseUrl: workers.databaseUrl,
						spec,
						slice,
						path: paths[i],
						titles,
						locale: isAppLocale(locale) ? locale : 'ja'
					})),
					report
				);
			} else {
				for (const [i, slice] of slices.entries())
					rows += await writeSlice(
						ctx.db,
						spec,
						slice,
						(s) => titles[s] ?? s,
						paths[i],
						(n) => report(rows + n)
					);
			}
			await joinSlices(paths);
			await ctx.progress({ done: rows, total: rows });
			return { result: { rows, fileName: p.fileName, encoding: p.encoding }, outputFile: out.name };
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
			const outcome = await closeFiscalYear(
				ctx.db,
				{ id: ctx.job.createdBy, orgId: ctx.job.orgId, employeeNo: p.employeeNo, name: p.name },
				p.fiscalYear,
				deps.modules(),
				p.ip,
				now()
			);
			if (!outcome.ok) throw new JobFailure(outcome.message);
			return { result: { fiscalYear: p.fiscalYear, sha256: outcome.sha256 } };
		}
	};
}
