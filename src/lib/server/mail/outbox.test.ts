import { afterEach, describe, expect, it } from 'vitest';
import { createServer as netServer, type AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { testDb } from '../testing/db.ts';
import { mailOutbox } from '../db/schema.ts';
import { MAX_ATTEMPTS } from '../../domain/mail-retry.ts';
import { deliverDue, enqueueMail, mailStatus } from './outbox.ts';

const FROM = 'まなび <manabi@city.example.lg.jp>';
let server: SMTPServer | null = null;

/** A local SMTP server started by the test itself, standing in for the municipality's relay. */
async function startRelay(port = 0) {
	const received: ParsedMail[] = [];
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, _session, done) {
			simpleParser(stream).then((m) => (received.push(m), done()), done);
		}
	});
	await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r));
	return { received, port: (server.server.address() as AddressInfo).port };
}

async function freePort() {
	const s = netServer().listen(0, '127.0.0.1');
	await new Promise((r) => s.once('listening', r));
	const { port } = s.address() as AddressInfo;
	await new Promise((r) => s.close(r));
	return port;
}

const transportTo = (port: number) =>
	nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 2000 });

afterEach(async () => {
	await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
	server = null;
});

describe('the mail outbox', () => {
	it('delivers a Japanese reminder to the relay, once', async () => {
		const db = await testDb();
		const relay = await startRelay();
		await enqueueMail(db, {
			orgId: 'org1',
			to: 'sato@city.example.lg.jp',
			subject: '【まなび】研修の期限が過ぎています',
			body: '佐藤 花子 様\n\n期限を過ぎた研修があります。'
		});
		expect(await deliverDue(db, transportTo(relay.port), FROM)).toEqual({ sent: 1, failed: 0 });
		expect(relay.received).toHaveLength(1);
		const mail = relay.received[0];
		expect(mail.subject).toBe('【まなび】研修の期限が過ぎています');
		expect(mail.text).toContain('期限を過ぎた研修があります。');
		expect(mail.from?.text).toContain('manabi@city.example.lg.jp');
		expect((mail.to as { text: string }).text).toBe('sato@city.example.lg.jp');
		expect(await deliverDue(db, transportTo(relay.port), FROM)).toEqual({ sent: 0, failed: 0 });
		expect(relay.received).toHaveLength(1);
	});

	it('a relay that is down: the mail waits, is retried later, and arrives when the relay is back', async () => {
		const db = await testDb();
		const port = await freePort();
		const t0 = new Date('2026-11-23T09:00:00+09:00');
		await enqueueMail(db, { orgId: 'org1', to: 'sato@city.example.lg.jp', subject: '件名', body: '本文' }, t0);
		expect(await deliverDue(db, transportTo(port), FROM, t0)).toEqual({ sent: 0, failed: 1 });
		const [row] = await db.select().from(mailOutbox);
		expect(row.attempts).toBe(1);
		expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
		expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 60_000);
		// not due yet: nothing is tried
		expect(await deliverDue(db, transportTo(port), FROM, new Date(t0.getTime() + 30_000))).toEqual({
			sent: 0,
			failed: 0
		});
		const relay = await startRelay(port);
		expect(await deliverDue(db, transportTo(port), FROM, new Date(t0.getTime() + 61_000))).toEqual({
			sent: 1,
			failed: 0
		});
		expect(relay.received.map((m) => m.subject)).toEqual(['件名']);
		expect(await mailStatus(db, 'org1')).toEqual({ waiting: 0, givenUp: 0 });
	});

	it('gives up after the last retry and shows it to the admin', async () => {
		const db = await testDb();
		const failing = { sendMail: async () => Promise.reject(new Error('550 relay denied')) };
		let now = new Date('2026-11-23T09:00:00+09:00');
		await enqueueMail(db, { orgId: 'org1', to: 'x@example.lg.jp', subject: 's', body: 'b' }, now);
		for (let i = 0; i < MAX_ATTEMPTS; i++) {
			expect((await deliverDue(db, failing, FROM, now)).failed).toBe(1);
			now = new Date(now.getTime() + 24 * 60 * 60_000);
		}
		expect(await deliverDue(db, failing, FROM, now)).toEqual({ sent: 0, failed: 0 });
		expect(await mailStatus(db, 'org1')).toEqual({ waiting: 0, givenUp: 1 });
	});
});
