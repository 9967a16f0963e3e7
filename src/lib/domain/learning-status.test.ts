import { describe, expect, it } from 'vitest';
import { learningStatus, type ProgressFact, type ResultFact } from './learning-status.ts';

const reading: ProgressFact = { moduleVersion: '2.0.0', completed: false };
const read: ProgressFact = { moduleVersion: '2.0.0', completed: true };
const oldRead: ProgressFact = { moduleVersion: '1.0.0', completed: true };
const pass = (v: string): ResultFact => ({ moduleVersion: v, passed: true });
const failOn = (v: string): ResultFact => ({ moduleVersion: v, passed: false });

describe('learningStatus', () => {
	const cases: [string, boolean, ProgressFact, ResultFact[], string][] = [
		['nothing yet', false, null, [], 'not_started'],
		['reading the current version', false, reading, [], 'reading'],
		['read to the end, no quiz yet', false, read, [], 'read'],
		['progress on an old version only', false, oldRead, [], 'not_started'],
		['failed once', false, read, [failOn('2.0.0')], 'failed'],
		['failed, then passed', false, read, [failOn('2.0.0'), pass('2.0.0')], 'passed'],
		['passed an old version, re-take not required', false, null, [pass('1.0.0')], 'passed'],
		['passed an old version, re-take required', true, null, [pass('1.0.0')], 'not_started'],
		['passed an old version, re-take required, reading the new one', true, reading, [pass('1.0.0')], 'reading'],
		['passed the new version after re-take', true, read, [pass('1.0.0'), pass('2.0.0')], 'passed']
	];
	it.each(cases)('%s → %s', (_label, retake, progress, results, expected) =>
		expect(learningStatus({ currentVersion: '2.0.0', retakeOnNewVersion: retake, progress, results })).toBe(expected)
	);
});
