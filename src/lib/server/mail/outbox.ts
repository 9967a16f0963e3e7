/**
 * The mail outbox: requests and the reminder run only add rows; `deliverDue` (a background timer)
 * sends them through the SMTP relay with nodemailer and retries failures with growing pauses.
 * Nothing waits for the mail server except that timer.
 */
import { and, asc, count, eq, isNull, lte, gte } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Db } from '../db/client.ts';
import type { DbOrTx } from '../audit.ts';
import { mailOutbox } from '../db/schema.ts';
import { MAX_ATTEMPTS, nextAttempt } from '../../domain/mail-retry.ts';

export type Mail = { orgId: string; to: string; subject: string; body: string };

export async function enqueueMail(db: DbOrTx, m: Mail, now = new Date()) {
	await db
		.insert(mailOutbox)
		.values({ orgId: m.orgId, toAddress: m.to, subject: m.subject, body: m.body, nextAttemptAt: now, createdAt: now });
}

/** Sends what is due, at most `limit` at a time; returns how many went out and how many failed. */
export async function deliverDue(
	db: Db,
	transport: Pick<Transporter, 'sendMail'>,
	from: string,
	now = new Date(),
	limit = 50
) {
	const due = await db
		.select()
		.from(mailOutbox)
		.where(
			and(isNull(mailOutbox.sentAt), lte(mailOutbox.nextAttemptAt, now), lte(mailOutbox.attempts, MAX_ATTEMPTS - 1))
		)
		.orderBy(asc(mailOutbox.nextAttemptAt))
		.limit(limit);
	let sent = 0;
	let failed = 0;
	for (const m of due) {
		try {
			await transport.sendMail({ from, to: m.toAddress, subject: m.subject, text: m.body });
			await db
				.update(mailOutbox)
				.set({ sentAt: new Date(), attempts: m.attempts + 1, lastError: null })
				.where(eq(mailOutbox.id, m.id));
			sent++;
		} catch (e) {
			const attempts = m.attempts + 1;
			const next = nextAttempt(attempts, now);
			// a given-up mail keeps its last try time; `attempts` = MAX marks it for the admin
			await db
				.update(mailOutbox)
				.set({ attempts, nextAttemptAt: next ?? now, lastError: String((e as Error).message ?? e).slice(0, 500) })
				.where(eq(mailOutbox.id, m.id));
			failed++;
		}
	}
	return { sent, failed };
}

/** For the admin page: waiting, and given up after every retry. */
export async function mailStatus(db: Db, orgId: string) {
	const [[waiting], [givenUp]] = await Promise.all([
		db
			.select({ n: count() })
			.from(mailOutbox)
			.where(and(eq(mailOutbox.orgId, orgId), isNull(mailOutbox.sentAt), lte(mailOutbox.attempts, MAX_ATTEMPTS - 1))),
		db
			.select({ n: count() })
			.from(mailOutbox)
			.where(and(eq(mailOutbox.orgId, orgId), isNull(mailOutbox.sentAt), gte(mailOutbox.attempts, MAX_ATTEMPTS)))
	]);
	return { waiting: waiting.n, givenUp: givenUp.n };
}
