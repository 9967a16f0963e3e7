/** The background sender: every 30 seconds, mail that is due goes to the SMTP relay. */
import nodemailer from 'nodemailer';
import { db } from '../db/index.ts';
import { mailConfig } from '../config.ts';
import { deliverDue } from './outbox.ts';

export function startMailer() {
	if (!mailConfig.url) return;
	const transport = nodemailer.createTransport(mailConfig.url);
	let busy = false;
	const tick = async () => {
		if (busy) return;
		busy = true;
		try {
			const { failed } = await deliverDue(db, transport, mailConfig.from);
			if (failed) console.error(`[manabi] メール送信に${failed}件失敗しました（あとで再送します）`);
		} catch (e) {
			console.error('[manabi] mail delivery failed:', e);
		} finally {
			busy = false;
		}
	};
	setInterval(tick, 30_000).unref();
	void tick();
}
