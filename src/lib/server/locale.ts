import type { Cookies } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { person } from './db/schema.ts';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
	cookieMaxAge,
	cookieName,
	overwriteServerAsyncLocalStorage,
	serverAsyncLocalStorage
} from '../paraglide/runtime.js';
import type { AppLocale } from '../i18n/locales.ts';

/**
 * This browser's language. Not HttpOnly: the browser's half of the page reads it to render in
 * the same language as the server (it holds only 'ja' or 'en', nothing secret).
 */
export function setLocaleCookie(cookies: Cookies, locale: AppLocale) {
	cookies.set(cookieName, locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: cookieMaxAge });
}

/** The person's own choice, kept so it follows them to any PC they sign in on. */
export async function savePersonLocale(db: Db, personId: string, locale: AppLocale) {
	await db.update(person).set({ locale }).where(eq(person.id, personId));
}

/**
 * Runs work outside a request (a background job) in a given language, so the messages it
 * stores are in the language of the person who will read them, not of whoever's request
 * happened to start the queue.
 */
export function inLocale<T>(locale: AppLocale, fn: () => T): T {
	if (!serverAsyncLocalStorage) overwriteServerAsyncLocalStorage(new AsyncLocalStorage());
	return serverAsyncLocalStorage!.run({ locale, origin: 'http://localhost', messageCalls: new Set() }, fn);
}
