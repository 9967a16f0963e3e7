/**
 * Notices are stored as what is needed to render them (kind + parameters, JSON in `notice.body`)
 * and rendered when shown, in the reader's locale; e-mail is rendered in the recipient's locale.
 * Rows written before this format hold rendered Japanese text and are shown as they are.
 */
import * as m from '../paraglide/messages.js';
import { getLocale, type Locale } from '../paraglide/runtime.js';
import { formatWareki, type IsoDate } from '../domain/japanese-date.ts';
import type { Segment } from '../i18n/segments.ts';
import { DUE_SOON_DAYS, ESCALATE_AFTER_DAYS } from '../domain/reminders.ts';

export type NoticeItem = { title: string; dueDate: IsoDate };

export type NoticePayload =
	| { t: 'reminder'; sender: string; titles: string[] }
	| { t: 'assigned' | 'due_soon' | 'overdue'; items: NoticeItem[] }
	| { t: 'escalation'; staff: { name: string; employeeNo: string; items: NoticeItem[] }[] }
	| { t: 'digest'; week: IsoDate; units: { unitName: string; people: number }[] };

/** `mark` wraps data (titles, names, unit names) so the page can mark it as Japanese. */
type Opts = { locale: Locale; mark?: boolean };

const OPEN = '\u0001';
const CLOSE = '\u0002';
const data = (s: string, o: Opts) => (o.mark ? `${OPEN}${s}${CLOSE}` : s);
/** Message functions get only the locale (the marks are this module's own business). */
const lo = (o: Opts) => ({ locale: o.locale });

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

const due = (i: NoticeItem, o: Opts) =>
	m.notice_item_due({ title: data(i.title, o), date: formatWareki(i.dueDate, o.locale) }, lo(o));
const list = (items: NoticeItem[], o: Opts) => items.map((i) => due(i, o)).join(m.notice_list_separator({}, o));

function render(p: NoticePayload, o: Opts): string {
	const sep = m.notice_list_separator({}, o);
	switch (p.t) {
		case 'reminder':
			return m.notice_reminder_from(
				{ sender: data(p.sender, o), titles: p.titles.map((t) => data(t, o)).join(sep) },
				lo(o)
			);
		case 'assigned':
			return m.notice_assigned({ list: list(p.items, o) }, o);
		case 'due_soon':
			return m.notice_due_soon({ days: DUE_SOON_DAYS, list: list(p.items, o) }, o);
		case 'overdue':
			return m.notice_overdue({ list: list(p.items, o) }, o);
		case 'escalation': {
			const lines = p.staff.map((s) =>
				m.notice_escalation_line({ name: data(s.name, o), employeeNo: s.employeeNo, list: list(s.items, o) }, lo(o))
			);
			return m.notice_escalation({ days: ESCALATE_AFTER_DAYS, lines: lines.join(m.notice_line_separator({}, o)) }, o);
		}
		case 'digest': {
			const week = formatWareki(p.week, o.locale);
			const total = p.units.reduce((n, u) => n + u.people, 0);
			if (total === 0) return m.notice_digest_none({ week }, o);
			const top = [...p.units].sort((a, b) => b.people - a.people || a.unitName.localeCompare(b.unitName, 'ja'));
			const units = top
				.slice(0, 10)
				.map((u) => m.notice_digest_unit({ unitName: data(u.unitName, o), people: u.people }, lo(o)))
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

/** The same, in pieces: the data inside the sentence (titles, names, unit names) flagged. */
export function renderNoticeParts(body: string, locale: Locale = getLocale()): Segment[] {
	const p = decode(body);
	if (!p) return [{ text: body, data: true }];
	return render(p, { locale, mark: true })
		.split(/(\u0001[^\u0002]*\u0002)/)
		.filter(Boolean)
		.map((piece) => (piece.startsWith(OPEN) ? { text: piece.slice(1, -1), data: true } : { text: piece, data: false }));
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
