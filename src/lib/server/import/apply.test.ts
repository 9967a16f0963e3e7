import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { orgUnit, person, personTag, unitMembership } from '../db/schema.ts';
import { testDb } from '../testing/db.ts';
import { planImport } from '../../domain/staff-import.ts';
import { readStaffCsv } from './staff-csv.ts';
import { applyImport, listCurrentStaff, listUnitCodes } from './apply.ts';
import { listImports, undoLastImport } from './undo.ts';

const HEADER = '職員番号,氏名,フリガナ,所属コード,職階,雇用区分,採用日,タグ,異動日\n';
const ctx = { orgId: 'org1', actorId: 'p1', fileName: 'meibo.csv', encoding: 'utf-8', ip: null };

let db: Db;
beforeEach(async () => {
	db = await testDb();
	await db
		.insert(orgUnit)
		.values({ id: 'u2', orgId: 'org1', code: '200', name: '市民課', kana: 'シミンカ', kind: 'section', path: '/u2/' });
});

async function importCsv(csv: string, today = '2026-04-01') {
	const parsed = readStaffCsv(csv, new Set((await listUnitCodes(db, 'org1')).keys()));
	if (!parsed.ok || parsed.errors.length) throw new Error(JSON.stringify(parsed));
	const plan = planImport(await listCurrentStaff(db, 'org1', today), parsed.rows, { today, maxDeactivationShare: 0.5 });
	return { plan, id: await applyImport(db, ctx, plan, parsed.rows) };
}

const snapshot = async () => ({
	people: await db.select().from(person).orderBy(person.employeeNo),
	tags: await db.select().from(personTag).orderBy(personTag.personId, personTag.tag),
	memberships: await db.select().from(unitMembership).orderBy(unitMembership.id)
});

describe('applying and undoing a staff import', () => {
	it('adds, changes, transfers and deactivates in one go, and undo restores everything', async () => {
		const before = await snapshot();
		const { plan, id } = await importCsv(
			HEADER +
				'000101,山田 太郎,ヤマダ タロウ,200,主任,正規職員,2020/4/1,窓口,2026/4/1\n' + // promoted and transferred
				'000201,新人 一郎,シンジン イチロウ,200,主事補,正規職員,2026/4/1,初任者,\n' // new; 000102 is missing
		);
		expect([plan.added.length, plan.changed.length, plan.transfers.length, plan.deactivated.length]).toEqual([
			1, 1, 1, 1
		]);

		const yamada = (await db.select().from(person).where(eq(person.employeeNo, '000101')))[0];
		expect(yamada.jobGrade).toBe('主任');
		const ms = await db
			.select()
			.from(unitMembership)
			.where(eq(unitMembership.personId, yamada.id))
			.orderBy(unitMembership.startDate);
		expect(ms.map((m) => [m.unitId, m.startDate, m.endDate])).toEqual([
			['u1', '2020-04-01', '2026-03-31'],
			['u2', '2026-04-01', null]
		]);
		expect((await db.select().from(person).where(eq(person.employeeNo, '000102')))[0].active).toBe(false);
		const newcomer = (await db.select().from(person).where(eq(person.employeeNo, '000201')))[0];
		expect([newcomer.mustChangePassword, newcomer.passwordHash]).toEqual([true, null]);
		expect((await listImports(db, 'org1'))[0]).toMatchObject({
			fileName: 'meibo.csv',
			counts: { added: 1, deactivated: 1 }
		});

		expect(await undoLastImport(db, ctx, id)).toEqual({ ok: true });
		const after = await snapshot();
		expect(after.people.map(({ createdAt: _c, ...p }) => p)).toEqual(before.people.map(({ createdAt: _c, ...p }) => p));
		expect(after.tags).toEqual(before.tags);
		expect(after.memberships.map(({ createdAt: _c, ...m }) => m)).toEqual(
			before.memberships.map(({ createdAt: _c, ...m }) => m)
		);
		expect(await undoLastImport(db, ctx, id)).toEqual({
			ok: false,
			message: '取り消せるのは、最後に行った取り込みだけです。'
		});
	});

	it('only the newest import can be undone', async () => {
		const first = await importCsv(
			HEADER +
				'000101,山田 太郎,ヤマダ タロウ,100,主事,正規職員,2020/4/1,,\n000102,佐藤 花子,サトウ ハナコ,100,主事,正規職員,2020/4/1,,\n000301,追加 三郎,ツイカ サブロウ,100,主事,正規職員,2026/4/1,,\n'
		);
		await importCsv(
			HEADER +
				'000101,山田 太郎,ヤマダ タロウ,100,係長,正規職員,2020/4/1,,\n000102,佐藤 花子,サトウ ハナコ,100,主事,正規職員,2020/4/1,,\n000301,追加 三郎,ツイカ サブロウ,100,主事,正規職員,2026/4/1,,\n'
		);
		expect((await undoLastImport(db, ctx, first.id)).ok).toBe(false);
	});
});
