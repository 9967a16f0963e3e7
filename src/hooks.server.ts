import { json, redirect, text } from '@sveltejs/kit';
import { sequence, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { cookieName as LOCALE_COOKIE, defineCustomServerStrategy } from '#lib/paraglide/runtime.js';
import { isAppLocale } from '#lib/i18n/locales.ts';
import { db, initDatabase } from '#lib/server/db/index.ts';
import { isBusyError } from '#lib/server/db/client.ts';
import { busyMessage, markBusy, resolveBusyAware } from '#lib/server/busy.ts';
import { sessionPolicy } from '#lib/server/config.ts';
import { validateSessionToken } from '#lib/server/auth/session.ts';
import { deleteSessionCookie, SESSION_COOKIE } from '#lib/server/auth/cookie.ts';
import { loginHref, passwordHref, twoFactorHref, twoFactorSetupHref } from '#lib/routes.ts';
import { requiresTwoFactor, twoFactorGate } from '#lib/domain/two-factor.ts';
import { scheduleDailyRefresh } from '#lib/server/assignment-runner.ts';
import { startMailer } from '#lib/server/mail/mailer.ts';
import { startJobs } from '#lib/server/jobs/index.ts';
import { crossSiteMessage, isCrossSiteWrite } from '#lib/server/cross-site.ts';
import { frameworkErrorMessage } from '#lib/server/error-messages.ts';
import { setLocaleCookie } from '#lib/server/locale.ts';

export const init: ServerInit = async () => {
	try {
		await initDatabase();
	} catch (e) {
		console.error(`\n[manabi] 起動を中止しました / start aborted:\n${(e as Error).message}\n`);
		process.exit(1);
	}
	// before the daily refresh: an import a restart interrupted gets its assignments from that refresh
	await startJobs();
	scheduleDailyRefresh();
	startMailer();
};

const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

const handleAuth: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	event.locals.pendingUser = null;
	event.locals.mustEnrollTwoFactor = false;
	if (token) {
		const result = TOKEN_SHAPE.test(token)
			? await validateSessionToken(db, token, sessionPolicy)
			: { session: null, user: null };
		if (result.session) {
			event.locals.session = result.session;
			const gate = twoFactorGate({
				enrolled: result.user.twoFactorEnrolled,
				verified: result.session.twoFactorVerified,
				required: requiresTwoFactor(result.user.grants)
			});
			if (gate === 'verify') event.locals.pendingUser = result.user;
			else event.locals.user = result.user;
			event.locals.mustEnrollTwoFactor = gate === 'enroll';
		} else deleteSessionCookie(event);
	}
	return resolve(event);
};

/** Safety net for the signed-in area; every load and action still calls requireUser(). */
const handleGuard: Handle = async ({ event, resolve }) => {
	const inApp = event.route.id?.startsWith('/(app)') ?? false;
	const { user, pendingUser, mustEnrollTwoFactor } = event.locals;
	const here = event.url.pathname + event.url.search;
	if (!inApp) return resolve(event);
	if (!user) redirect(303, pendingUser ? twoFactorHref(here) : loginHref(here));
	if (user.mustChangePassword && event.route.id !== '/(app)/account/password') redirect(303, passwordHref);
	if (mustEnrollTwoFactor && !user.mustChangePassword && event.route.id !== '/(app)/account/two-factor')
		redirect(303, twoFactorSetupHref);
	return resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

/** Refuses a write from another origin whatever its content type (SvelteKit covers only form types). */
const handleCrossSite: Handle = ({ event, resolve }) => {
	if (!isCrossSiteWrite(event.request.method, event.request.headers.get('origin'), event.url.origin))
		return resolve(event);
	return event.request.headers.get('accept') === 'application/json'
		? json({ message: crossSiteMessage() }, { status: 403 })
		: text(crossSiteMessage(), { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
};

/** The signed-in person's stored language, per request, for the 'custom-user' strategy below. */
const userLocale = new WeakMap<Request, string>();
defineCustomServerStrategy('custom-user', { getLocale: (request) => (request ? userLocale.get(request) : undefined) });

/**
 * The page's language: the person's own choice (stored, so it follows them to any PC), else this
 * browser's cookie, else Japanese. The cookie is brought in line with the stored choice so the
 * browser's half of the page (hydration) speaks the same language as the server's.
 */
const handleLocale: Handle = ({ event, resolve }) => {
	const chosen = (event.locals.user ?? event.locals.pendingUser)?.locale;
	if (isAppLocale(chosen)) {
		userLocale.set(event.request, chosen);
		if (event.cookies.get(LOCALE_COOKIE) !== chosen) setLocaleCookie(event.cookies, chosen);
	}
	// the strategies read no locale from the URL, so the request paraglide passes on is the same one
	return paraglideMiddleware(event.request, ({ locale }) => {
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});
};

/** Outermost: a request that met SQLITE_BUSY is answered 503 + Retry-After (see busy.ts). */
const handleBusy: Handle = ({ event, resolve }) => resolveBusyAware(event.locals, () => resolve(event));

export const handle = sequence(handleBusy, handleHeaders, handleCrossSite, handleAuth, handleLocale, handleGuard);

/**
 * Every error of a request comes here. Errors the app throws with `error()` keep their own
 * message; SvelteKit's own refusals (bad URL, method or content type) get a Japanese message and
 * are not logged; anything unexpected is logged and the page says only that something failed.
 */
export const handleError: HandleServerError = ({ kind, error, event }) => {
	if (kind === 'app') return;
	if (kind === 'framework' || kind === 'validation') return { message: frameworkErrorMessage(error.status) };
	if (isBusyError(error)) {
		console.error(`[manabi] ${event.route.id}: database busy`);
		markBusy(event.locals);
		return { message: busyMessage() };
	}
	console.error(`[manabi] ${event.route.id ?? event.url.pathname}:`, error);
	return { message: frameworkErrorMessage(500) };
};
