import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDb } from '../testing/db.ts';
import { auditEvent, person, roleGrant } from '../db/schema.ts';
import { verifyPassword } from './password.ts';
import { countWithoutPassword, issueMissingPasswords } from './bulk-passwords.ts';

const hr = { id: 'p1', orgId: 'org1', grants: [{ role: 'hr' as const, unitId: null, unitPath: null }] };

it('gives a one-time password to each active member of staff without one, never replacing a password or touching an administrator', async () => {
	const db = await testDb();
	const base = { orgId: 'org1', employmentType: 'regular' as const, jobGrade: '主事', hireDate: '2026-04-01' };
	await db.insert(person).values([
		{ id: 'p3', employeeNo: '000103', name: '鈴木 一郎', kana: 'スズキ イチロウ', ...base },
		{ id: 'p4', employeeNo: '000104', name: '高橋 次郎', kana: 'タカハシ ジロウ', ...base, active: false },
		{ id: 'p5', employeeNo: '000105', name: '田中 三郎', kana: 'タナカ サブロウ', ...base },
		{ id: 'p6', employeeNo: '000106', name: '伊藤 四郎', kana: 'イトウ シロウ', ...base, passwordHash: 'existing' }
	]);
	await db.insert(roleGrant).values({ id: 'g', orgId: 'org1', personId: 'p5', role: 'admin', unitId: null });
	// p1 is the HR officer; p2 has no password yet either (testDb people have none)
	expect(await countWithoutPassword(db, hr)).toBe(2);
	const r = await issueMissingPasswords(db, hr, '127.0.0.1', 1);
	expect(r.issued.map((p) => p.employeeNo)).toEqual(['000102']);
	expect(r.remaining).toBe(1);
	const again = await issueMissingPasswords(db, hr, null);
	expect(again.issued.map((p) => p.employeeNo)).toEqual(['000103']);
	expect(again.remaining).toBe(0);

	const [p3] = await db.select().from(person).where(eq(person.id, 'p3'));
	expect(p3.mustChangePassword).toBe(true);
	expect(await verifyPassword(p3.passwordHash!, again.issued[0].password)).toBe(true);
	const [p6] = await db.select().from(person).where(eq(person.id, 'p6'));
	expect(p6.passwordHash).toBe('existing');
	const [p5] = await db.select().from(person).where(eq(person.id, 'p5'));
	expect(p5.passwordHash).toBeNull();
	const audit = await db.select().from(auditEvent).where(eq(auditEvent.action, 'person.initial_passwords_bulk'));
	expect(audit.map((a) => JSON.parse(a.after!).count)).toEqual([1, 1]);
	expect(JSON.stringify(audit)).not.toContain(again.issued[0].password);
});
