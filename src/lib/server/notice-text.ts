/**
 * Notices are stored as what is needed to render them (kind + parameters, JSON in `notice.body`)
 * and rendered when shown, in the reader's locale; e-mail is rendered in the recipient's locale.
 * Rows written before this format hold rendered Japanese text and are shown as they are.
 */
import * as m from '../paraglide/messages';
import { getLocale, type Locale } from '../paraglide/runtime';
import { formatWareki, type IsoDate } from '../domain/japanese-date';
import { DUE_SOON_DAYS, ESCALATE_AFTER_DAYS } from '../domain/reminders';

export type NoticeItem = { title: string; dueDate: IsoDate };

export type NoticePayload =
	| { t: 'reminder'; sender: string; titles: string[] }
	| { t: 'assigned' | 'due_soon' | 'overdue'; items: NoticeItem[] }
	| { t: 'escalation'; staff: { name: string; employeeNo: string; items: NoticeItem[] }[] }
	| { t: 'digest'; week: IsoDate; units: { unitName: string; people: number }[] };

type Opts = { locale: Locale };

/** What goes into `notice.body`. */
export function encodeNotice(p: NoticePayload): string {
	return JSON.stringify({ v: 1, ...p });
}

function decode(body: string): NoticePayload | null {
	if (!body.startsWith('{')) return null;
	try {
		const p = JSON.parse(body) as NoticePayload & { v?: number };
		return p && p.v === 1 && typeof p.t === 'string' ? p : null;
	} catch {
		return null;
	}
}

/** A date in a notice, in the reader's language (和暦, or "1 December 2026"). */
export function noticeDate(date: IsoDate, locale: Locale): string {
	return formatWareki(date, locale);
}

const due = (i: NoticeItem, o: Opts) => m.notice_item_due({ title: i.title, date: noticeDate(i.dueDate, o.locale) }, o);
const list = (items: NoticeItem[], o: Opts) => items.map((i) => due(i, o)).join(m.notice_list_separator({}, o));

function render(p: NoticePayload, o: Opts): string {
	const sep = m.notice_list_separator({}, o);
	switch (p.t) {
		case 'reminder':
			return m.notice_reminder_from({ sender: p.sender, titles: p.titles.join(sep) }, o);
		case 'assigned':
			return m.notice_assigned({ list: list(p.items, o) }, o);
		case 'due_soon':
			return m.notice_due_soon({ days: DUE_SOON_DAYS, list: list(p.items, o) }, o);
		case 'overdue':
			return m.notice_overdue({ list: list(p.items, o) }, o);
		case 'escalation': {
			const lines = p.staff.map((s) => m.notice_escalation_line({ name: s.name, employeeNo: s.employeeNo, list: list(s.items, o) }, o));
			return m.notice_escalation({ days: ESCALATE_AFTER_DAYS, lines: lines.join(m.notice_line_separator({}, o)) }, o);
		}
		case 'digest': {
			const week = noticeDate(p.week, o.locale);
			const total = p.units.reduce((n, u) => n + u.people, 0);
			if (total === 0) return m.notice_digest_none({ week }, o);
			const top = [...p.units].sort((a, b) => b.people - a.people || a.unitName.localeCompare(b.unitName, 'ja'));
			const units = top
				.slice(0, 10)
				.map((u) => m.notice_digest_unit({ unitName: u.unitName, people: u.people }, o))
				.join(sep);
			const more = top.length > 10 ? m.notice_digest_more({ count: top.length - 10 }, o) : '';
			return m.notice_digest({ week, total, units, more }, o);
		}
	}
}

/** The text of a stored notice body, in `locale` (the current request's by default). */
export function renderNotice(body: string, locale: Locale = getLocale()): string {
	const p = decode(body);
	return p ? render(p, { locale }) : body;
}

export type MailKind = 'assigned' | 'due_soon' | 'overdue' | 'escalation' | 'digest';

const SUBJECT: Record<MailKind, (i: object, o: Opts) => string> = {
	assigned: m.mail_subject_assigned,
	due_soon: m.mail_subject_due_soon,
	overdue: m.mail_subject_overdue,
	escalation: m.mail_subject_escalation,
	digest: m.mail_subject_digest
};

/** The e-mail that goes with an automatic notice, in the recipient's locale (`person.locale`, null = ja). */
export function noticeMail(kind: MailKind, body: string, to: { name: string; locale: string | null }, appUrl: string) {
	const o: Opts = { locale: to.locale === 'en' ? 'en' : 'ja' };
	return {
		subject: m.mail_subject({ subject: SUBJECT[kind]({}, o) }, o),
		body: m.mail_body({ name: to.name, body: renderNotice(body, o.locale), url: `${appUrl}/mypage` }, o)
	};
}
