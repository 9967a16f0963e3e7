/**
 * A synthetic organisation of N staff for the bench: 10 部 × 10 課, 課長 for each 課, one HR
 * account, a curriculum of all 20 modules for everyone (4 mandatory), and this 年度's learning
 * history. Assignments are made by the real rule engine and the staff list is changed by the
 * real import pipeline, so both are timed here.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client.ts';
import {
	curriculum,
	curriculumItem,
	organisation,
	orgUnit,
	person,
	personTag,
	roleGrant,
	twoFactor,
	unitMembership
} from '../../src/lib/server/db/schema.ts';
import { hashPassword } from '../../src/lib/server/auth/password.ts';
import { SURNAMES, GIVEN_NAMES } from '../../src/lib/server/demo/names.ts';
import { evaluateAssignments } from '../../src/lib/server/assignments.ts';
import { runReminders } from '../../src/lib/server/reminders.ts';
import { seededRandom } from '../../src/lib/server/demo/history.ts';
import { decodeCsvBytes } from '../../src/lib/server/import/decode.ts';
import { readStaffCsv, CSV_TEMPLATE_HEADER } from '../../src/lib/server/import/staff-csv.ts';
import { applyImport, listCurrentStaff, listUnitCodes } from '../../src/lib/server/import/apply.ts';
import { planImport } from '../../src/lib/domain/staff-import.ts';
import { fiscalYearOf, toJstDate } from '../../src/lib/domain/japanese-date.ts';
import { checkModules, readModuleFiles } from '../../src/lib/server/content/files.ts';
import iconv from 'iconv-lite';

export const BENCH_PASSWORD = 'bench-password-2026';
/** The bench's HR account has an authenticator registered with this key (HR must use a second factor). */
export const BENCH_TOTP_KEY = new TextEncoder().encode('bench-totp-key-20260');
export const ORG = 'org-bench';
const GRADES = ['主事', '主事', '主事', '主任', '主任', '係長', '技師', '課長補佐', '会計年度任用職員'];

export type BenchModule = { slug: string; version: string; passMark: number };

/** The shipped modules, security-policy first (its per-question marks are seeded), then by slug. */
export function benchModules(): BenchModule[] {
	const modules = checkModules(readModuleFiles()).modules.map((m) => ({
		slug: m.meta.slug,
		version: m.meta.version,
		passMark: m.meta.passMark
	}));
	return modules.sort((a, b) =>
		a.slug === 'security-policy' ? -1 : b.slug === 'security-policy' ? 1 : a.slug.localeCompare(b.slug)
	);
}

async function chunks<T>(rows: T[], f: (c: T[]) => Promise<unknown>, size = 500) {
	for (let i = 0; i < rows.length; i += size) await f(rows.slice(i, i + size));
}

const timed = async <T>(f: () => Promise<T>) => {
	const t = performance.now();
	const value = await f();
	return { value, ms: Math.round(performance.now() - t) };
};

export async function seedBench(db: Db, n: number, modules: BenchModule[], today = toJstDate(new Date())) {
	const random = seededRandom(n);
	const fy = fiscalYearOf(today);
	const hash = await hashPassword(BENCH_PASSWORD);
	const units: (typeof orgUnit.$inferInsert)[] = [];
	for (let d = 0; d < 10; d++) {
		const did = `${ORG}-d${d}`;
		units.push({
			id: did,
			orgId: ORG,
			code: String((d + 1) * 1000),
			name: `第${d + 1}部`,
			kana: 'ダイブ',
			kind: 'department',
			path: `/${did}/`,
			sortOrder: d * 100
		});
		for (let s = 0; s < 10; s++)
			units.push({
				id: `${did}s${s}`,
				orgId: ORG,
				parentId: did,
				code: String((d + 1) * 1000 + (s + 1) * 10),
				name: `第${d + 1}部 第${s + 1}課`,
				kana: 'カ',
				kind: 'section',
				path: `/${did}/${did}s${s}/`,
				sortOrder: d * 100 + s + 1
			});
	}
	const sections = units.filter((u) => u.kind === 'section');
	const people = Array.from({ length: n }, (_, i) => {
		const [sn, sk] = SURNAMES[i % SURNAMES.length];
		const [gn, gk] = GIVEN_NAMES[Math.floor(i / SURNAMES.length) % GIVEN_NAMES.length];
		const newHire = random() < 0.05;
		const unit = sections[i % sections.length];
		return {
			id: `b${String(i).padStart(7, '0')}`,
			orgId: ORG,
			employeeNo: String(i + 1).padStart(6, '0'),
			name: `${sn} ${gn}`,
			kana: `${sk} ${gk}`,
			employmentType: 'regular' as const,
			jobGrade: i < sections.length ? '課長' : GRADES[Math.floor(random() * GRADES.length)],
			hireDate: newHire ? `${fy}-04-01` : `${2000 + Math.floor(random() * 25)}-04-01`,
			passwordHash: hash,
			mustChangePassword: false,
			unitId: unit.id!,
			tags: [...(newHire ? ['初任者'] : []), ...(random() < 0.3 ? ['個人情報取扱者'] : [])]
		};
	});
	const seedMs = (
		await timed(() =>
			db.transaction(async (tx) => {
				await tx.insert(organisation).values({ id: ORG, code: 'bench', name: 'ベンチ市', kana: 'ベンチシ' });
				await chunks(units, (c) => tx.insert(orgUnit).values(c));
				await chunks(people, (c) => tx.insert(person).values(c.map(({ unitId: _u, tags: _t, ...p }) => p)));
				await chunks(people, (c) =>
					tx
						.insert(unitMembership)
						.values(
							c.map((p) => ({ id: `m${p.id}`, orgId: ORG, personId: p.id, unitId: p.unitId, startDate: p.hireDate }))
						)
				);
				await chunks(
					people.flatMap((p) => p.tags.map((tag) => ({ personId: p.id, tag }))),
					(c) => tx.insert(personTag).values(c)
				);
				await tx
					.insert(twoFactor)
					.values({ personId: people[sections.length].id, secret: Buffer.from(BENCH_TOTP_KEY) });
				await tx.insert(roleGrant).values([
					{ id: 'g-hr', orgId: ORG, personId: people[sections.length].id, role: 'hr', unitId: null },
					...sections.map((s, i) => ({
						id: `g-m${i}`,
						orgId: ORG,
						personId: people[i].id,
						role: 'manager' as const,
						unitId: s.id!
					}))
				]);
				await tx
					.insert(curriculum)
					.values({ id: 'c-all', orgId: ORG, name: '全職員 20教材', criteria: {}, createdAt: new Date() });
				await tx.insert(curriculumItem).values(
					modules.map((m, i) => ({
						id: `ci${i}`,
						curriculumId: 'c-all',
						moduleSlug: m.slug,
						mandatory: i < 4,
						due: { kind: 'fiscal_year_end' } as const,
						recurrence: 'every_fiscal_year' as const
					}))
				);
			})
		)
	).ms;

	const versions = new Map(modules.map((m) => [m.slug, m.version]));
	const evaluation = await timed(() => evaluateAssignments(db, ORG, today, versions));
	const reevaluation = await timed(() => evaluateAssignments(db, ORG, today, versions));
	const history = await timed(() => seedHistory(db, fy, modules));
	const importFigures = await benchImport(db, today, random);
	// the first reminder run on a fresh installation marks every open assignment; the daily run after it
	const reminderCtx = { versions, titleOf: (slug: string) => slug, mail: { enabled: false, appUrl: '' } };
	const reminders = await timed(() => runReminders(db, ORG, today, reminderCtx));
	const remindersAgain = await timed(() => runReminders(db, ORG, today, reminderCtx));
	return {
		staff: n,
		seedMs,
		assignments: evaluation.value,
		evaluateMs: evaluation.ms,
		reevaluateMs: reevaluation.ms,
		historyMs: history.ms,
		results: history.value,
		import: importFigures,
		reminders: { notices: reminders.value.notices, firstMs: reminders.ms, againMs: remindersAgain.ms },
		hrEmployeeNo: people[sections.length].employeeNo,
		managerEmployeeNo: people[0].employeeNo,
		managerUnitId: sections[0].id!
	};
}

/**
 * This 年度's results, generated inside SQLite: about 55 % of assignments passed (some after a
 * failed first try), 10 % failed only. Per-question marks for the security module only.
 */
async function seedHistory(db: Db, fy: number, modules: BenchModule[]) {
	const start = Date.UTC(fy, 3, 1);
	const span = Math.max(1, Date.now() - start);
	await db.run(
		sql`CREATE TEMP TABLE pick AS SELECT id AS aid, person_id, module_slug, abs(random()) % 100 AS r FROM assignment WHERE org_id = ${ORG}`
	);
	for (const m of modules) {
		await db.run(sql`INSERT INTO attempt (id, org_id, person_id, module_slug, module_version, content_hash, fiscal_year, pass_mark, draw, started_at)
			SELECT 'f' || aid, ${ORG}, person_id, module_slug, ${m.version}, 'bench', ${fy}, ${m.passMark}, '[]', ${start} + abs(random()) % ${span} FROM pick WHERE module_slug = ${m.slug} AND r < 65`);
		await db.run(sql`INSERT INTO attempt_result (attempt_id, org_id, person_id, module_slug, module_version, fiscal_year, answers, score, max_score, passed, submitted_at)
			SELECT 'f' || aid, ${ORG}, person_id, module_slug, ${m.version}, ${fy}, '{}', CASE WHEN r < 45 THEN 9 ELSE 6 END, 10, r < 45, ${start} + abs(random()) % ${span} FROM pick WHERE module_slug = ${m.slug} AND r < 65`);
		await db.run(sql`INSERT INTO attempt (id, org_id, person_id, module_slug, module_version, content_hash, fiscal_year, pass_mark, draw, started_at)
			SELECT 's' || aid, ${ORG}, person_id, module_slug, ${m.version}, 'bench', ${fy}, ${m.passMark}, '[]', ${start} + abs(random()) % ${span} FROM pick WHERE module_slug = ${m.slug} AND r BETWEEN 45 AND 54`);
		await db.run(sql`INSERT INTO attempt_result (attempt_id, org_id, person_id, module_slug, module_version, fiscal_year, answers, score, max_score, passed, submitted_at)
			SELECT 's' || aid, ${ORG}, person_id, module_slug, ${m.version}, ${fy}, '{}', 9, 10, 1, ${Date.now()} - abs(random()) % 86400000 FROM pick WHERE module_slug = ${m.slug} AND r BETWEEN 45 AND 54`);
	}
	await db.run(sql`INSERT INTO attempt_item (attempt_id, module_slug, item_id, correct)
		SELECT r.attempt_id, r.module_slug, 'q' || k.n, (abs(random()) % 100) > k.n * 4 FROM attempt_result r, (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 10) SELECT n FROM c) k
		WHERE r.org_id = ${ORG} AND r.module_slug = ${modules[0].slug}`);
	await db.run(sql`DROP TABLE pick`);
	const [{ n }] = (await db.all(sql`SELECT count(*) AS n FROM attempt_result WHERE org_id = ${ORG}`)) as {
		n: number;
	}[];
	return Number(n);
}

/** The staff list round trip: Shift_JIS CSV with 3 % transfers, 2 % newcomers and 1 % leavers. */
async function benchImport(db: Db, today: string, random: () => number) {
	const staff = (await listCurrentStaff(db, ORG, today)).sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
	const codes = [...(await listUnitCodes(db, ORG)).keys()].filter((c) => !c.endsWith('000'));
	const lines = [CSV_TEMPLATE_HEADER.join(',')];
	// the last 1 % leave (the bench signs in with lower numbers)
	const leaving = Math.floor(staff.length * 0.99);
	for (const [i, s] of staff.entries()) {
		if (i >= leaving) continue;
		const moved = random() < 0.03;
		lines.push(
			[
				s.employeeNo,
				s.name,
				s.kana,
				moved ? codes[Math.floor(random() * codes.length)] : s.unitCode,
				s.jobGrade,
				'正規職員',
				s.hireDate,
				'',
				s.tags.join(' '),
				moved ? today : ''
			].join(',')
		);
	}
	for (let i = 0; i < Math.ceil(staff.length * 0.02); i++)
		lines.push(
			[
				`9${String(i).padStart(6, '0')}`,
				'新規 採用',
				'シンキ サイヨウ',
				codes[i % codes.length],
				'主事',
				'正規職員',
				today,
				'',
				'初任者',
				''
			].join(',')
		);
	const bytes = new Uint8Array(iconv.encode(lines.join('\r\n') + '\r\n', 'cp932'));
	const t0 = performance.now();
	const decoded = decodeCsvBytes(bytes);
	if (!decoded.ok) throw new Error(decoded.message);
	const t1 = performance.now();
	const parsed = readStaffCsv(decoded.text, new Set((await listUnitCodes(db, ORG)).keys()));
	if (!parsed.ok) throw new Error(parsed.message);
	const t2 = performance.now();
	const plan = planImport(await listCurrentStaff(db, ORG, today), parsed.rows, {
		today,
		maxDeactivationShare: 0.1,
		alsoInFile: parsed.mentioned
	});
	const t3 = performance.now();
	await applyImport(
		db,
		{ orgId: ORG, actorId: 'b0000100', fileName: 'bench.csv', encoding: 'shift_jis', ip: null },
		plan,
		parsed.rows
	);
	const t4 = performance.now();
	return {
		rows: parsed.rows.length,
		rowErrors: parsed.errors.length,
		bytes: bytes.length,
		added: plan.added.length,
		transfers: plan.transfers.length,
		deactivated: plan.deactivated.length,
		changed: plan.changed.length,
		decodeMs: Math.round(t1 - t0),
		parseMs: Math.round(t2 - t1),
		planMs: Math.round(t3 - t2),
		applyMs: Math.round(t4 - t3),
		totalMs: Math.round(t4 - t0)
	};
}
