/**
 * Issue #8, "no lost or doubled attempts": 300 learners submit at the same moment; a quarter
 * also post a second, different submit concurrently (double click, second tab), a quarter post
 * again after the acknowledgement (back button, replay), and some give up on the answer after a
 * few milliseconds and try again (client-side timeout). Every acknowledged attempt must be
 * stored exactly once, graded from what was stored, and nothing else may be stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeAttempt } from '../../src/lib/server/quiz/grade.ts';
import type { Draw } from '../../src/lib/server/quiz/draw.ts';
import {
	attemptIdOf,
	inspect,
	summary,
	openQuizzes,
	otherAnswers,
	postSubmit,
	report,
	seededRandom,
	seedOrganisation,
	signInStaff,
	startServer,
	stopServers,
	storedResults,
	workFolder,
	type OpenQuiz,
	type SubmitReply
} from './harness.ts';

const STAFF = 600;
const LEARNERS = 300;
const DOUBLE = 75;
const REPLAY = 75;
const TIMEOUT = 50;
const TRIES_WITH_TIMEOUT = 3;

let file: string;
let base: string;
let open: OpenQuiz[];

beforeAll(async () => {
	file = await seedOrganisation(workFolder('concurrent'), STAFF);
	base = (await startServer(file)).base;
	open = await openQuizzes(base, await signInStaff(base, 101, LEARNERS));
});
afterAll(stopServers);

/** Form answers (q:<item> = choice) as the database stores them (item → choices). */
const asStored = (form: URLSearchParams) => {
	const out: Record<string, string[]> = {};
	for (const [name, value] of form) (out[name.slice(2)] ??= []).push(value);
	return out;
};

describe('concurrent submissions', () => {
	it('stores every acknowledged attempt exactly once, with double submits and retries', async () => {
		const random = seededRandom(8);
		const order = open.map((_, i) => i);
		for (let k = order.length - 1; k > 0; k--) {
			const j = Math.floor(random() * (k + 1));
			[order[k], order[j]] = [order[j], order[k]];
		}
		const kind = (rank: number) =>
			rank < DOUBLE
				? 'double'
				: rank < DOUBLE + REPLAY
					? 'replay'
					: rank < DOUBLE + REPLAY + TIMEOUT
						? 'timeout'
						: 'single';
		// from before the request is sent to after the server has answered others: both kinds of give-up
		const timeoutMs = open.map(() => Array.from({ length: TRIES_WITH_TIMEOUT }, () => 5 + Math.floor(random() * 1500)));

		const replies: SubmitReply[] = [];
		let sent = 0;
		let timeouts = 0;
		const doubles: { q: OpenQuiz; a: SubmitReply; b: SubmitReply }[] = [];
		const replays: { q: OpenQuiz; first: SubmitReply; again: SubmitReply }[] = [];
		const send = async (q: OpenQuiz, opts: { answers?: URLSearchParams; timeoutMs?: number } = {}) => {
			sent++;
			// a generous bound so a hung request fails the test instead of stalling it
			const r = await postSubmit(base, q, {
				answers: opts.answers,
				signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000)
			});
			replies.push(r);
			return r;
		};

		await Promise.all(
			order.map(async (i, rank) => {
				const q = open[i];
				if (kind(rank) === 'double') {
					const [a, b] = await Promise.all([send(q), send(q, { answers: otherAnswers(q) })]);
					doubles.push({ q, a, b });
				} else if (kind(rank) === 'replay') {
					const first = await send(q);
					replays.push({ q, first, again: await send(q, { answers: otherAnswers(q) }) });
				} else if (kind(rank) === 'timeout') {
					for (const ms of timeoutMs[i]) {
						try {
							if ((await send(q, { timeoutMs: ms })).acknowledged) return;
						} catch (e) {
							if ((e as Error).name !== 'TimeoutError') throw e;
							timeouts++;
						}
					}
					await send(q); // the last try waits for the answer
				} else await send(q);
			})
		);

		const acked = new Set(replies.filter((r) => r.acknowledged).map((r) => r.location!.split('/').at(-1)!));
		const all = new Set(open.map(attemptIdOf));
		const found = await inspect(file, all);
		const stored = await storedResults(file);
		const lost = [...acked].filter((id) => !found.stored.has(id));
		report('concurrent-submit', {
			staff: STAFF,
			learners: LEARNERS,
			submitRequests: sent,
			answered: replies.length,
			doubleSubmits: doubles.length,
			replaysAfterAck: replays.length,
			timeoutLearners: TIMEOUT,
			clientTimeoutsThenRetried: timeouts,
			statuses: Object.fromEntries(
				[...new Set(replies.map((r) => r.status))].map((s) => [s, replies.filter((r) => r.status === s).length])
			),
			acknowledged: acked.size,
			stored: stored.length,
			lost: lost.length
		});

		// every answer was an acknowledgement (no 5xx, no 4xx, no redirect elsewhere), and every learner got one
		expect(replies.filter((r) => !r.acknowledged).map(summary)).toEqual([]);
		expect(acked).toEqual(all);

		// the database: everything acknowledged, nothing else, each result whole and graded from what was stored
		expect(found.integrity).toBe('ok');
		expect(lost).toEqual([]);
		expect(new Set(stored.map((s) => s.attemptId))).toEqual(acked);
		expect(found.halfWritten).toEqual([]);
		expect(found.orphanItems).toBe(0);
		for (const s of stored) {
			const grade = gradeAttempt(s.draw as Draw, s.answers, s.passMark);
			expect({ id: s.attemptId, score: s.score, items: s.items }).toEqual({
				id: s.attemptId,
				score: grade.score,
				items: Object.fromEntries(grade.items.map((i) => [i.itemId, i.correct ? 1 : 0]))
			});
		}
		const byId = new Map(stored.map((s) => [s.attemptId, s]));

		// a double submit: both answered with the same result page; one of the two answer sets stored whole
		for (const { q, a, b } of doubles) {
			expect([a.location, b.location]).toEqual([q.location, q.location]);
			expect([asStored(q.answers), asStored(otherAnswers(q))]).toContainEqual(byId.get(attemptIdOf(q))!.answers);
		}
		// a replay after the acknowledgement: the same result page, the first answers kept
		for (const { q, again } of replays) {
			expect(again.location).toBe(q.location);
			expect(byId.get(attemptIdOf(q))!.answers).toEqual(asStored(q.answers));
		}
	});
});
