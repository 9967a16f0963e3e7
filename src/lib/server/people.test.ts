import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDb } from './testing/db.ts';
import { orgUnit, person, personTag, roleGrant, unitMembership } from './db/schema.ts';
import { getProfile, searchPeople } from './people.ts';

async function setup() {
	const db = await testDb();
	await db.update(person).set({ passwordHash: 'argon2-secret-hash' }).where(eq(person.id, 'p1'));
	// 山田 is also (兼務) in 住民記録係 under 市民課 from 2026-04-01
	await db.insert(orgUnit).values([
		{ id: 'u2', orgId: 'org1', code: '200', name: '市民課', kana: 'シミンカ', kind: 'section', path: '/u2/' },
		{
			id: 'u3',
			orgId: 'org1',
			code: '210',
			name: '住民記録係',
			kana: 'ジュウミンキロクカカリ',
			kind: 'team',
			path: '/u2/u3/',
			parentId: 'u2'
		}
	]);
	await db
		.insert(unitMembership)
		.values({ id: 'm3', orgId: 'org1', personId: 'p1', unitId: 'u3', startDate: '2026-04-01' });
	await db.insert(personTag).values([
		{ personId: 'p1', tag: '個人情報取扱者' },
		{ personId: 'p1', tag: '初任者' },
		{ personId: 'p2', tag: '会計年度任用' }
	]);
	await db.insert(roleGrant).values({ id: 'g1', orgId: 'org1', personId: 'p1', role: 'manager', unitId: 'u1' });
	return db;
}

describe('getProfile', () => {
	it('gives the person with units on the date, sorted tags and roles, and never the password hash', async () => {
		const db = await setup();
		const p = await getProfile(db, 'p1', '2026-11-23');
		expect(p).toMatchObject({ id: 'p1', employeeNo: '000101', name: '山田 太郎', kana: 'ヤマダ タロウ' });
		expect(p!.units.map((u) => u.fullName).sort()).toEqual(['市民課 住民記録係', '総務課']);
		expect(p!.tags).toEqual(['個人情報取扱者', '初任者'].sort());
		expect(p!.grants).toEqual([{ role: 'manager', unitId: 'u1', unitPath: '/u1/' }]);
		expect(p).not.toHaveProperty('passwordHash');
		expect(JSON.stringify(p)).not.toContain('argon2-secret-hash');
	});

	it('leaves out a unit the person joins later, and gives a person without tags or roles empty lists', async () => {
		const db = await setup();
		expect((await getProfile(db, 'p1', '2026-03-31'))!.units.map((u) => u.fullName)).toEqual(['総務課']);
		const sato = await getProfile(db, 'p2', '2026-11-23');
		expect(sato!.tags).toEqual(['会計年度任用']);
		expect(sato!.grants).toEqual([]);
		await db.delete(personTag);
		expect((await getProfile(db, 'p2', '2026-11-23'))!.tags).toEqual([]);
	});

	it('uses the roles the caller already holds instead of reading them again', async () => {
		const db = await setup();
		const held = [{ role: 'hr' as const, unitId: null, unitPath: null }];
		expect((await getProfile(db, 'p1', '2026-11-23', held))!.grants).toBe(held);
	});

	it('is null for someone who does not exist', async () => {
		expect(await getProfile(await setup(), 'nobody', '2026-11-23')).toBeNull();
	});
});

describe('searchPeople', () => {
	it('finds by 職員番号 prefix, 氏名 and フリガナ, and treats % and _ typed in the search as characters, not wildcards', async () => {
		const db = await setup();
		await db.insert(person).values({
			id: 'p9',
			orgId: 'org1',
			employeeNo: '009_01',
			name: '100%テスト 花子',
			kana: 'テスト ハナコ',
			employmentType: 'regular',
			jobGrade: '主事',
			hireDate: '2020-04-01'
		});
		// a person in two units (兼務) is listed once per unit; the names are what is checked here
		const names = async (text: string) =>
			[
				...new Set(
					(await searchPeople(db, 'org1', { text, limit: 50, offset: 0 }, '2026-11-23')).rows.map((r) => r.name)
				)
			].sort();
		expect(await names('山田')).toEqual(['山田 太郎']);
		expect(await names('やまだ')).toEqual(['山田 太郎']);
		expect(await names('0001')).toEqual(['佐藤 花子', '山田 太郎']);
		// a % or _ matches only names that contain it and 職員番号 that start with what was typed
		expect(await names('%')).toEqual(['100%テスト 花子']);
		expect(await names('_')).toEqual([]);
		expect(await names('009_')).toEqual(['100%テスト 花子']);
		expect(await names('0_9')).toEqual([]);
		expect(await names('\\')).toEqual([]);
		const { total } = await searchPeople(db, 'org1', { text: '%', limit: 50, offset: 0 }, '2026-11-23');
		expect(total).toBe(1);
	});
});
