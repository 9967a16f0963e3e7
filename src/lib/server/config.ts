import { availableParallelism } from 'node:os';
import { env } from '$env/dynamic/private';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../domain/session-policy';

const minutes = (v: string | undefined, fallback: number) => (Number(v) > 0 ? Number(v) * 60_000 : fallback);

export const sessionPolicy: SessionPolicy = {
	idleMs: minutes(env.SESSION_IDLE_MINUTES, DEFAULT_SESSION_POLICY.idleMs),
	absoluteMs: minutes(env.SESSION_ABSOLUTE_MINUTES, DEFAULT_SESSION_POLICY.absoluteMs),
	touchEveryMs: DEFAULT_SESSION_POLICY.touchEveryMs
};

/** The organisation code this installation serves (optional when there is only one). */
export const homeOrgCode = env.MANABI_ORG || undefined;

/**
 * E-mail through the municipality's own SMTP relay (inside LGWAN), e.g. `smtp://mail.city.lg.jp:25`.
 * Without SMTP_URL, reminders are in-app only.
 */
export const mailConfig = {
	url: env.SMTP_URL || null,
	from: env.MAIL_FROM || 'まなび <manabi@localhost>',
	appUrl: env.ORIGIN || ''
};

/**
 * How many worker threads write a 個人別 export at once (EXPORT_WORKERS): by default one per
 * core, at most 2; 0 writes it in the server's own thread; anything else falls back to the default.
 */
export function exportWorkerCount(cores = availableParallelism()): number {
	const raw = env.EXPORT_WORKERS;
	const n = Number(raw);
	return raw !== undefined && raw.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 16 ? n : Math.min(2, cores);
}
