import type { AppLocale } from '../../i18n/locales.ts';
import { runWorker } from '../workers.ts';
import type { PersonExportSpec, StaffSlice } from './person-export-file.ts';

export type ExportWorkerInput = {
	databaseUrl: string;
	spec: PersonExportSpec;
	slice: StaffSlice;
	path: string;
	titles: Record<string, string>;
	locale: AppLocale;
};

/**
 * Each worker's heap is capped: an export page needs a few MB, and without a cap V8 lets
 * garbage grow by hundreds of MB before collecting it (the export's peak memory, issue #7).
 * A young generation under 16 MB made the 30k export about twice as slow (measured).
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

/**
 * Writes each slice in its own worker thread (export-worker.ts) at the same time, calling
 * `onRows` with the total so far. If one fails, the export fails with its error once every
 * worker has ended (none is stopped from outside, see runWorker), so no file is written after
 * the runner has deleted them.
 */
export async function writeSlicesInWorkers(
	workerFile: string,
	inputs: readonly ExportWorkerInput[],
	onRows: (total: number) => unknown
): Promise<number> {
	const counts = inputs.map(() => 0);
	const total = () => counts.reduce((a, b) => a + b, 0);
	const runs = await Promise.allSettled(
		inputs.map((input, i) =>
			runWorker<number, number>(workerFile, input, RESOURCE_LIMITS, (n) => {
				counts[i] = n;
				return onRows(total());
			})
		)
	);
	const failed = runs.find((r) => r.status === 'rejected');
	if (failed) throw failed.reason;
	return runs.reduce((a, r) => a + (r.status === 'fulfilled' ? r.value : 0), 0);
}
