import { describe, expect, it } from 'vitest';
import { testDb } from './testing/db.ts';
import { checkHealth } from './health.ts';

describe('checkHealth', () => {
	it('is ok while the database answers, and unavailable with a message once it does not', async () => {
		const db = await testDb();
		expect(await checkHealth(db)).toEqual({ status: 'ok' });
		db.$client.close();
		expect(await checkHealth(db)).toEqual({
			status: 'unavailable',
			message: expect.stringContaining('データベースに接続できません')
		});
	});
});
