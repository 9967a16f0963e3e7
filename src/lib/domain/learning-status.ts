/** A learner's state in one module, from their reading progress and quiz results. */
import * as m from '../paraglide/messages.js';

export type LearningStatus = 'not_started' | 'reading' | 'read' | 'failed' | 'passed';

/** Getters: each label is translated when read, in the reader's locale. */
export const LEARNING_STATUS_LABELS: Record<LearningStatus, string> = {
	get not_started() {
		return m.label_learning_not_started();
	},
	get reading() {
		return m.label_learning_reading();
	},
	get read() {
		return m.label_learning_read();
	},
	get failed() {
		return m.label_learning_failed();
	},
	get passed() {
		return m.label_learning_passed();
	}
};

export type ProgressFact = { moduleVersion: string; completed: boolean } | null;
export type ResultFact = { moduleVersion: string; passed: boolean };

/**
 * `passed` needs a passing result; when the module requires re-taking on a new version, only
 * results on the current version count. Otherwise the latest activity decides.
 */
export function learningStatus(input: {
	currentVersion: string;
	retakeOnNewVersion: boolean;
	progress: ProgressFact;
	results: ResultFact[];
}): LearningStatus {
	const counts = (r: ResultFact) => !input.retakeOnNewVersion || r.moduleVersion === input.currentVersion;
	const relevant = input.results.filter(counts);
	if (relevant.some((r) => r.passed)) return 'passed';
	if (relevant.length > 0) return 'failed';
	const p = input.progress?.moduleVersion === input.currentVersion ? input.progress : null;
	if (p?.completed) return 'read';
	if (p) return 'reading';
	return 'not_started';
}
