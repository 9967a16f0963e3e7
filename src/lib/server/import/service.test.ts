import { expect, it } from 'vitest';
import { testDb } from '../testing/db.ts';
import { roleGrant } from '../db/schema.ts';
import { previewImport } from './service.ts';

it('a staff list that leaves out the system administrator does not deactivate them', async () => {
	const db = await testDb();
	// 山田 (000101) is the administrator made with admin:create; HR's list has only 佐藤 and a newcomer
	await db.insert(roleGrant).values({ id: 'g1', orgId: 'org1', personId: 'p1', role: 'admin', unitId: null });
	const csv =
		'\ufeff職員番号,氏名,フリガナ,所属コード,職階,雇用区分,採用日\r\n000102,佐藤 花子,サトウ ハナコ,100,主事,正規職員,2020/4/1\r\n000103,鈴木 一郎,スズキ イチロウ,100,主事,正規職員,2026/4/1\r\n';
	const hr = { id: 'p2', orgId: 'org1', employeeNo: '000102' };
	const r = await previewImport(db, hr, new File([csv], 'staff.csv'));
	expect(r.ok).toBe(true);
	if (!r.ok) return;
	expect(r.preview.counts.added).toBe(1);
	expect(r.preview.deactivated).toEqual([]);
});
