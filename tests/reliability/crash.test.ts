/**
 * Issue #8, "crash safety": 40 learners start and submit quizzes without pause while the server
 * is killed with SIGKILL at a random moment (0–1.5 s after the round's first acknowledgement), 10 times, and started again on the same file.
 * Every attempt acknowledged before a kill must be in the database the restarted server opened,
 * every result must be whole (all its per-item rows), and `PRAGMA integrity_check` must be ok.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQuiz, type Server } from '../../bench/lib/http.ts';
import {
	attemptIdOf,
	inspect,
	summary,
	killHard,
	postSubmit,
	report,
	seededRandom,
	seedOrganisation,
	signInStaff,
	SLUGS,
	startServer,
	stopServers,
	workFolder
} from './harness.ts';

const STAFF = 300;
const LEARNERS = 40;
const ROUNDS = 10;

let file: string;
let server: Server;
let cookies: string[];

beforeAll(async () => {
	file = await seedOrganisation(workFolder('crash'), STAFF);
	server = await startServer(file);
	cookies = await signInStaff(server.base, 101, LEARNERS);
});
afterAll(stopServers);

type Load = {
	sent: number;
	acked: Set<string>;
	refused: string[];
	errorsBeforeKill: string[];
	killed: boolean;
	firstAck: () => void;
};

/** Every learner: start (or resume) a quiz, open it, submit it, again, until the server is gone. */
function drive(base: string, load: Load) {
	return Promise.all(
		cookies.map(async (cookie, w) => {
			for (let k = 0; ; k++) {
				try {
					const q = await startQuiz(base, cookie, SLUGS[(w + k) % SLUGS.length], () => {});
					if (!q) throw new Error('the quiz did not start');
					load.sent++;
					const r = await postSubmit(base, q);
					if (r.acknowledged) {
						load.acked.add(attemptIdOf(q));
						load.firstAck();
					} else load.refused.push(summary(r));
				} catch (e) {
					// after the kill every request fails to connect or is cut off: that ends this learner
					if (!load.killed) load.errorsBeforeKill.push((e as Error).message);
					return;
				}
			}
		})
	);
}

describe('SIGKILL under submit load', () => {
	it('keeps every attempt acknowledged before each kill, and the file intact', async () => {
		const random = seededRandom(9);
		const acked = new Set<string>();
		const rounds: {
			killAfterMs: number;
			sent: number;
			acked: number;
			missing: number;
			integrity: string;
			halfWritten: number;
			orphanItems: number;
		}[] = [];
		const refused: string[] = [];
		const errorsBeforeKill: string[] = [];
		let kills = 0;
		let restarts = 0;

		for (let round = 1; round <= ROUNDS; round++) {
			// the kill comes at a random moment once submits are being acknowledged
			let firstAck = () => {};
			const acking = new Promise<void>((r) => (firstAck = r));
			const load: Load = { sent: 0, acked: new Set(), refused: [], errorsBeforeKill: [], killed: false, firstAck };
			const killAfterMs = Math.floor(random() * 1500);
			const driving = drive(server.base, load);
			await Promise.race([acking, driving]);
			await new Promise((r) => setTimeout(r, killAfterMs));
			load.killed = true;
			await killHard(server);
			kills++;
			await driving;
			for (const id of load.acked) acked.add(id);
			refused.push(...load.refused);
			errorsBeforeKill.push(...load.errorsBeforeKill);

			// the restarted server is the first to open the file: it recovers the WAL; the last
			// round is checked by this test opening the file itself, with no server running
			if (round < ROUNDS) {
				server = await startServer(file);
				restarts++;
			}
			const found = await inspect(file, acked);
			rounds.push({
				killAfterMs,
				sent: load.sent,
				acked: load.acked.size,
				missing: acked.size - found.stored.size,
				integrity: found.integrity,
				halfWritten: found.halfWritten.length,
				orphanItems: found.orphanItems
			});
		}

		const sent = rounds.reduce((a, r) => a + r.sent, 0);
		report('crash', {
			kills,
			restarts,
			submissions: sent,
			acknowledged: acked.size,
			unansweredAtKill: sent - acked.size - refused.length,
			lost: Math.max(...rounds.map((r) => r.missing)),
			integrityOk: rounds.filter((r) => r.integrity === 'ok').length,
			ackedPerRound: rounds.map((r) => r.acked)
		});
		expect(errorsBeforeKill).toEqual([]);
		expect(refused).toEqual([]);
		// each round acknowledged submits before its kill, so each kill could have lost something
		expect(rounds.filter((r) => r.acked === 0)).toEqual([]);
		expect(
			rounds.filter((r) => r.missing !== 0 || r.integrity !== 'ok' || r.halfWritten !== 0 || r.orphanItems !== 0)
		).toEqual([]);
	});
});
