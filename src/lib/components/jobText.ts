import { m } from '#lib/paraglide/messages.js';
import { splitDuration, type JobKind, type JobStatus } from '#lib/domain/job.ts';

/** Words for a job on the progress page, the list and the header (all through the catalog). */
export const jobKindLabel = (kind: string) =>
	({
		staff_import: m.job_kind_staff_import,
		person_export: m.job_kind_person_export,
		fiscal_year_close: m.job_kind_fiscal_year_close,
		assignment_refresh: m.job_kind_assignment_refresh
	})[kind as JobKind]?.() ?? kind;

export const jobStatusLabel = (status: string) =>
	({
		queued: m.job_status_queued,
		running: m.job_status_running,
		done: m.job_status_done,
		failed: m.job_status_failed,
		interrupted: m.job_status_interrupted
	})[status as JobStatus]?.() ?? status;

export const jobPhaseLabel = (phase: string | null) =>
	phase
		? ((
				{
					import: m.job_phase_import,
					evaluate: m.job_phase_evaluate,
					assign: m.job_phase_assign,
					export: m.job_phase_export,
					collect: m.job_phase_collect
				} as Record<string, () => string>
			)[phase]?.() ?? '')
		: '';

export const duration = (ms: number) => m.job_duration(splitDuration(ms));
