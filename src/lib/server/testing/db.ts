import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/client.ts';
import { organisation, orgUnit, person, unitMembership } from '../db/schema.ts';

/** A migrated throwaway database file with one organisation, one unit and two people. */
export async function testDb() {
	const dir = mkdtempSync(join(tmpdir(), 'manabi-test-'));
	const db = await openDatabase(`file:${join(dir, 'test.db')}`);
	await db.insert(organisation).values({ id: 'org1', code: 'test', name: 'テスト市', kana: 'テストシ' });
	await db
		.insert(orgUnit)
		.values({ id: 'u1', orgId: 'org1', code: '100', name: '総務課', kana: 'ソウムカ', kind: 'section', path: '/u1/' });
	const base = { orgId: 'org1', employmentType: 'regular' as const, jobGrade: '主事', hireDate: '2020-04-01' };
	await db.insert(person).values([
		{ id: 'p1', employeeNo: '000101', name: '山田 太郎', kana: 'ヤマダ タロウ', ...base },
		{ id: 'p2', employeeNo: '000102', name: '佐藤 花子', kana: 'サトウ ハナコ', ...base }
	]);
	await db.insert(unitMembership).values([
		{ id: 'm1', orgId: 'org1', personId: 'p1', unitId: 'u1', startDate: '2020-04-01' },
		{ id: 'm2', orgId: 'org1', personId: 'p2', unitId: 'u1', startDate: '2020-04-01' }
	]);
	return db;
}
