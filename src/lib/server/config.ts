import {
	EXPORT_WORKERS,
	MAIL_FROM,
	MANABI_ORG,
	ORIGIN,
	SESSION_ABSOLUTE_MINUTES,
	SESSION_IDLE_MINUTES,
	SMTP_URL
} from '$app/env/private';
import { building, dev } from '$app/env';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../domain/session-policy.ts';

export const sessionPolicy: SessionPolicy = {
	idleMs: SESSION_IDLE_MINUTES * 60_000,
	absoluteMs: SESSION_ABSOLUTE_MINUTES * 60_000,
	touchEveryMs: DEFAULT_SESSION_POLICY.touchEveryMs
};

/** The organisation code this installation serves (optional when there is only one). */
export const homeOrgCode = MANABI_ORG;

/**
 * E-mail through the municipality's own SMTP relay (inside LGWAN), e.g. `smtp://mail.city.lg.jp:25`.
 * Without SMTP_URL, reminders are in-app only.
 */
export const mailConfig = {
	url: SMTP_URL ?? null,
	from: MAIL_FROM,
	appUrl: ORIGIN ?? ''
};

/** How many worker threads write a 個人別 export at once (EXPORT_WORKERS, src/env.ts). */
export const exportWorkerCount = () => EXPORT_WORKERS;

/**
 * Whether a missing worker bundle is worth telling the operator about: not from source (dev,
 * tests), and not while `vite build` analyses the routes, before build/worker/ is written.
 */
export const workersExpected = !dev && !building;
