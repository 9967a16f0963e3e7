import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './client.ts';
import { auditEvent, person } from './schema.ts';
import { recordAudit } from '../audit.ts';
import { backupTo, inspect, restoreFrom } from './backup.ts';

describe('backup and restore', () => {
	it('copies a live database consistently, and a restore brings back every record', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'manabi-backup-'));
		const live = join(dir, 'live.db');
		const db = await openDatabase(`file:${live}`);
		const { organisation } = await import('./schema.ts');
		await db.insert(organisation).values({ id: 'org1', code: 't', name: 'テスト市', kana: 'テストシ' });
		await db.insert(person).values(
			Array.from({ length: 50 }, (_, i) => ({
				id: `p${i}`,
				orgId: 'org1',
				employeeNo: String(i).padStart(6, '0'),
				name: '職員',
				kana: 'ショクイン',
				employmentType: 'regular' as const,
				jobGrade: '主事',
				hireDate: '2020-04-01'
			}))
		);
		for (let i = 0; i < 5; i++)
			await recordAudit(db, { orgId: 'org1', actorId: null, action: 'test', targetId: String(i) });

		const copy = await backupTo(db, join(dir, 'backup.db'));
		expect(copy.counts).toMatchObject({ organisation: 1, person: 50, audit_event: 5 });
		await expect(backupTo(db, join(dir, 'backup.db'))).rejects.toThrow('すでにあります');

		// later changes, then the server "stops" and the backup is restored
		await db.delete(person);
		db.$client.close();
		const restored = await restoreFrom(copy.path, live);
		expect(restored.kept).toMatch(/live\.db\.before-restore-/);
		const reopened = await openDatabase(`file:${live}`);
		expect(await reopened.select().from(person)).toHaveLength(50);
		expect((await reopened.select().from(auditEvent)).map((e) => e.targetId)).toEqual(['0', '1', '2', '3', '4']);
		expect((await inspect(live)).integrity).toBe('ok');
		reopened.$client.close();
	});
});
