import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { asBusyResponse, BUSY_MESSAGE, markBusy, resolveBusyAware } from './busy.ts';
import { DatabaseBusyError } from './db/client.ts';

const page = (status: number) =>
	new Response('<p>本文</p>', { status, headers: { 'content-type': 'text/html', 'x-frame-options': 'DENY' } });

describe('asBusyResponse', () => {
	it('answers 503 with Retry-After and keeps the rendered body and headers', async () => {
		const r = asBusyResponse(page(500));
		expect(r.status).toBe(503);
		expect(r.headers.get('retry-after')).toBe('5');
		expect(r.headers.get('x-frame-options')).toBe('DENY');
		expect(await r.text()).toBe('<p>本文</p>');
	});
});

describe('resolveBusyAware', () => {
	it('turns the 500 of a request marked busy into a 503', async () => {
		const locals = {};
		const r = await resolveBusyAware(locals, async () => {
			markBusy(locals);
			return page(500);
		});
		expect(r.status).toBe(503);
	});

	it('leaves other requests alone, also a 500 that was not SQLITE_BUSY', async () => {
		markBusy({});
		expect((await resolveBusyAware({}, async () => page(500))).status).toBe(500);
		const marked = {};
		markBusy(marked);
		expect((await resolveBusyAware(marked, async () => page(200))).status).toBe(200);
	});

	it('makes a BUSY thrown by a hook an expected 503 error with the Japanese message', async () => {
		const busy = new DatabaseBusyError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
		const thrown = await resolveBusyAware({}, () => Promise.reject(busy)).catch((e: unknown) => e);
		expect(isHttpError(thrown, 503)).toBe(true);
		expect((thrown as { body: { message: string } }).body.message).toBe(BUSY_MESSAGE);
		const other = new Error('boom');
		await expect(resolveBusyAware({}, () => Promise.reject(other))).rejects.toBe(other);
	});
});
