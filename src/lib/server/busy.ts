/**
 * SQLITE_BUSY (another process held the write lock longer than DB_BUSY_TIMEOUT_MS) is answered
 * 503 with Retry-After and a message in the reader's locale, never a bare 500: the request did nothing wrong
 * and can simply be sent again.
 *
 * SvelteKit 2 catches what a load or an action throws and lets `handleError` choose only the
 * body; the status stays 500. So `handleError` marks the request (`markBusy`) and the outermost
 * `handle` hook turns that 500 into a 503 (`resolveBusyAware`). A BUSY thrown by a hook itself
 * (the session check) reaches `resolveBusyAware` directly and becomes `error(503, …)`.
 */
import { error } from '@sveltejs/kit';
import { isBusyError } from './db/client.ts';
import * as m from '../paraglide/messages.js';

/** In the reader's locale. */
export const busyMessage = () => m.error_busy();
/** @deprecated always Japanese: use `busyMessage()`. */
export const BUSY_MESSAGE = m.error_busy({}, { locale: 'ja' });
export const BUSY_RETRY_AFTER_SECONDS = 5;

const busyRequests = new WeakSet<object>();

/** Remembers that this request (its `event.locals`) failed with SQLITE_BUSY. */
export function markBusy(locals: object) {
	busyRequests.add(locals);
}

/** The same response as a 503 with Retry-After (headers and body kept). */
export function asBusyResponse(response: Response): Response {
	const headers = new Headers(response.headers);
	headers.set('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
	return new Response(response.body, { status: 503, statusText: 'Service Unavailable', headers });
}

export async function resolveBusyAware(locals: object, resolve: () => Response | Promise<Response>) {
	let response: Response;
	try {
		response = await resolve();
	} catch (e) {
		if (isBusyError(e)) error(503, busyMessage());
		throw e;
	}
	return response.status === 500 && busyRequests.has(locals) ? asBusyResponse(response) : response;
}
