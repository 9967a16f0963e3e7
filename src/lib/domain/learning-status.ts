/** A learner's state in one module, from their reading progress and quiz results. */

export type LearningStatus = 'not_started' | 'reading' | 'read' | 'failed' | 'passed';

export const LEARNING_STATUS_LABELS: Record<LearningStatus, string> = {
	not_started: '未着手',
	reading: '学習中',
	read: '読了（テスト未受験）',
	failed: '不合格（再受験できます）',
	passed: '合格'
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
