import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDb } from '../testing/db.ts';
import { auditEvent, orgUnit } from '../db/schema.ts';
import { importUnits } from './units.ts';

const actor = { id: 'p1', orgId: 'org1' };
const csv = (...lines: string[]) => ['所属コード,所属名,フリガナ,区分,上位所属コード', ...lines].join('\r\n');
const chart = async (db: Awaited<ReturnType<typeof testDb>>) => {
	const rows = await db.select().from(orgUnit);
	const byId = new Map(rows.map((r) => [r.id, r.code]));
	return Object.fromEntries(
		rows.map((r) => [
			r.code,
			`${r.name} ${r.path
				.split('/')
				.filter(Boolean)
				.map((id) => byId.get(id))
				.join('/')}`
		])
	);
};

describe('importUnits', () => {
	it('builds 部 → 課 → 係 from one file, then moves a 課 with its 係 to another 部 (組織改正)', async () => {
		const db = await testDb();
		const first = await importUnits(
			db,
			actor,
			csv('211,住民記録係,じゅうみんきろくかかり,係,210', '200,市民部,シミンブ,部,', '210,市民課,シミンカ,課,200'),
			'127.0.0.1'
		);
		expect(first).toEqual({ ok: true, added: 3, changed: 0, moved: 0, unchanged: 0 });
		expect(await chart(db)).toMatchObject({
			'200': '市民部 200',
			'210': '市民課 200/210',
			'211': '住民記録係 200/210/211'
		});

		const second = await importUnits(
			db,
			actor,
			csv('300,くらし部,クラシブ,部,', '210,市民窓口課,シミンマドグチカ,課,300', '200,市民部,シミンブ,部,'),
			null
		);
		expect(second).toEqual({ ok: true, added: 1, changed: 0, moved: 1, unchanged: 1 });
		expect(await chart(db)).toMatchObject({
			'210': '市民窓口課 300/210',
			'211': '住民記録係 300/210/211',
			'200': '市民部 200'
		});
		const audit = await db.select().from(auditEvent).where(eq(auditEvent.action, 'units.imported'));
		expect(audit).toHaveLength(2);
	});

	it('a file with any problem changes nothing and names each row', async () => {
		const db = await testDb();
		const before = await chart(db);
		const r = await importUnits(
			db,
			actor,
			csv(
				'200,市民部,シミンブ,部,',
				'210,市民課,シミンカ,課,999',
				'220,,ゼイムカ,課,200',
				'230,税務課,ぜいむか,課,200'
			),
			null
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:上位所属コード', '4:所属名']);
		expect(await chart(db)).toEqual(before);
	});

	it('refuses a file without the headers', async () => {
		const db = await testDb();
		expect(await importUnits(db, actor, 'code,name\r\n1,x', null)).toMatchObject({
			ok: false,
			message: expect.stringContaining('必要な列がありません')
		});
	});
});
