import { error } from '@sveltejs/kit';
import { AUDIT_ACTIONS, auditLabel } from '#lib/domain/audit-labels.ts';
import { parseAuditFilter } from '#lib/domain/audit-filter.ts';
import { formatWarekiDateTime, toJstDate } from '#lib/domain/japanese-date.ts';
import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { recordAudit } from '#lib/server/audit.ts';
import { auditPages } from '#lib/server/audit-log.ts';
import { csvHeaders, csvStream, type CsvEncoding } from '#lib/server/export/csv.ts';
import type { RequestHandler } from './$types';
import * as m from '#lib/paraglide/messages.js';

const HEADER = [
	'日時',
	'操作',
	'操作コード',
	'実行者 職員番号',
	'実行者 氏名',
	'対象の種類',
	'対象ID',
	'対象 職員番号',
	'対象 氏名',
	'変更前（JSON）',
	'変更後（JSON）',
	'IPアドレス'
];

/** The matching audit log as CSV (Excel-safe: formulas neutralised, 職員番号 as text). Audited itself. */
export const GET: RequestHandler = async ({ url, getClientAddress }) => {
	const user = requireSection('admin');
	const { filter, errors } = parseAuditFilter(url.searchParams, AUDIT_ACTIONS);
	if (Object.keys(errors).length > 0) error(400, Object.values(errors).join(' '));
	const enc = url.searchParams.get('enc') ?? 'utf-8';
	if (enc !== 'utf-8' && enc !== 'shift_jis') error(400, m.err_choose_encoding());
	await recordAudit(db, {
		orgId: user.orgId,
		actorId: user.id,
		action: 'audit.exported',
		targetType: 'export',
		targetId: 'audit',
		after: { ...filter, encoding: enc },
		ip: getClientAddress()
	});
	async function* rows() {
		for await (const page of auditPages(db, user.orgId, filter))
			yield page.map((r) => [
				formatWarekiDateTime(r.at),
				auditLabel(r.action),
				r.action,
				r.actorEmployeeNo ? { code: r.actorEmployeeNo } : '',
				r.actorName,
				r.targetType,
				r.targetId,
				r.targetEmployeeNo ? { code: r.targetEmployeeNo } : '',
				r.targetName,
				r.before,
				r.after,
				r.ip
			]);
	}
	const encoding = enc as CsvEncoding;
	return new Response(csvStream(HEADER, rows(), encoding), {
		headers: csvHeaders(m.export_file_audit({ date: toJstDate(new Date()) }), encoding)
	});
};
