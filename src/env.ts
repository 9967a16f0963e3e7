/**
 * Every environment variable the app reads, declared once (SvelteKit 3's explicit environment
 * variables): server code imports them from `$app/env/private`. They are checked when the
 * server starts; docs/install.md explains each. adapter-node reads its own (PORT, HOST, ORIGIN,
 * BODY_SIZE_LIMIT, …) as well.
 */
import { availableParallelism } from 'node:os';
import { defineEnvVars } from '@sveltejs/kit/env';
import { httpUrl, text, wholeNumber } from '#lib/server/env-values.ts';
import { DEFAULT_SESSION_POLICY } from '#lib/domain/session-policy.ts';

export const variables = defineEnvVars({
	/** `file:manabi.db` (embedded, relative to the working directory) or a libSQL server URL */
	DATABASE_URL: { schema: text('file:manabi.db') },
	/** how long a write waits for SQLite's lock; 0 or unset: the client's default */
	DB_BUSY_TIMEOUT_MS: { schema: wholeNumber('DB_BUSY_TIMEOUT_MS', 0) },
	MIGRATIONS_DIR: { schema: text('drizzle') },
	SESSION_IDLE_MINUTES: { schema: wholeNumber('SESSION_IDLE_MINUTES', DEFAULT_SESSION_POLICY.idleMs / 60_000, 1) },
	SESSION_ABSOLUTE_MINUTES: {
		schema: wholeNumber('SESSION_ABSOLUTE_MINUTES', DEFAULT_SESSION_POLICY.absoluteMs / 60_000, 1)
	},
	/** the organisation code this installation serves (optional when there is only one) */
	MANABI_ORG: { schema: text() },
	/** the municipality's SMTP relay, e.g. smtp://mail.city.lg.jp:25; unset: reminders in-app only */
	SMTP_URL: { schema: text() },
	MAIL_FROM: { schema: text('まなび <manabi@localhost>') },
	/** the address staff open (also read by adapter-node); links in e-mails start with it */
	ORIGIN: { schema: httpUrl('ORIGIN') },
	/** worker threads writing a 個人別 export at once: one per core, at most 2; 0: in the server's own thread */
	EXPORT_WORKERS: { schema: wholeNumber('EXPORT_WORKERS', Math.min(2, availableParallelism()), 0, 16) },
	EXPORT_DIR: { schema: text() },
	REPORT_TTL_SECONDS: { schema: wholeNumber('REPORT_TTL_SECONDS', 60) }
});
