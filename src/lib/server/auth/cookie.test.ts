import { describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { deleteSessionCookie, SESSION_COOKIE, setSessionCookie } from './cookie.ts';

/** Just what the cookie helpers touch: the request URL (its scheme comes from ORIGIN) and the cookie jar. */
function eventAt(url: string) {
	const cookies = { set: vi.fn(), delete: vi.fn() };
	return { event: { url: new URL(url), cookies } as unknown as RequestEvent, cookies };
}

describe('the session cookie', () => {
	const expires = new Date('2030-01-01T00:00:00Z');

	it('is HttpOnly, SameSite=Lax, for the whole site, and Secure when the app is served over https', () => {
		const { event, cookies } = eventAt('https://manabi.example.lg.jp/login');
		setSessionCookie(event, 'token', expires);
		expect(cookies.set).toHaveBeenCalledWith(SESSION_COOKIE, 'token', {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: true,
			expires
		});
	});

	it('is not Secure over plain http (a browser would drop it), and is still HttpOnly and SameSite', () => {
		const { event, cookies } = eventAt('http://localhost:3000/login');
		setSessionCookie(event, 'token', expires);
		expect(cookies.set).toHaveBeenCalledWith(
			SESSION_COOKIE,
			'token',
			expect.objectContaining({ httpOnly: true, sameSite: 'lax', secure: false })
		);
	});

	it('is deleted with the same path and Secure flag it was set with', () => {
		const { event, cookies } = eventAt('https://manabi.example.lg.jp/logout');
		deleteSessionCookie(event);
		expect(cookies.delete).toHaveBeenCalledWith(SESSION_COOKIE, { path: '/', secure: true });
	});
});
