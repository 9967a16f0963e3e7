import { learningStatus, type LearningStatus } from '../domain/learning-status.ts';
import type { Db } from './db/client.ts';
import { listModules } from './content/catalog.ts';
import type { Module } from './content/types.ts';
import { listHistory, listProgress } from './learning.ts';

/** What the module list shows of a module: never the bank. */
export function toModuleSummary(m: Module) {
	return {
		slug: m.slug,
		code: m.code,
		title: m.title,
		summary: m.summary,
		category: m.category,
		audience: m.audience,
		minutes: m.minutes,
		version: m.version,
		passMark: m.passMark,
		drawCount: m.drawCount,
		objectives: m.objectives
	};
}

export type ModuleSummary = ReturnType<typeof toModuleSummary>;

export function statusOf(
	m: Module,
	progress: { moduleSlug: string; moduleVersion: string; completedAt: Date | null }[],
	results: { moduleSlug: string; moduleVersion: string; passed: boolean }[]
): LearningStatus {
	const p = progress.find((x) => x.moduleSlug === m.slug && x.moduleVersion === m.version);
	return learningStatus({
		currentVersion: m.version,
		retakeOnNewVersion: m.retakeOnNewVersion,
		progress: p ? { moduleVersion: p.moduleVersion, completed: p.completedAt !== null } : null,
		results: results.filter((r) => r.moduleSlug === m.slug)
	});
}

/** Every module with this person's status in it, in module list order. */
export async function listCatalogueFor(db: Db, personId: string) {
	const [progress, history] = await Promise.all([listProgress(db, personId), listHistory(db, personId)]);
	return listModules().map((m) => ({ ...toModuleSummary(m), status: statusOf(m, progress, history) }));
}
