import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { staffImportDraft } from '../db/schema.ts';
import { generateId } from '../auth/token.ts';
import { planImport, type ImportPlan } from '../../domain/staff-import.ts';
import { toJstDate } from '../../domain/japanese-date.ts';
import { decodeCsvBytes } from './decode.ts';
import { readStaffCsv, type RowError, type StaffRow } from './staff-csv.ts';
import { applyImport, listAdminEmployeeNos, listCurrentStaff, listUnitCodes } from './apply.ts';
import * as m from '../../paraglide/messages.js';

/** Share of active staff an import may deactivate before HR must confirm it explicitly. */
export const MAX_DEACTIVATION_SHARE = 0.1;
const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

type Actor = { id: string; orgId: string; employeeNo: string };
type Analysis = { ok: false; message: string } | { ok: true; rows: StaffRow[]; errors: RowError[]; plan: ImportPlan };

/**
 * The person importing, and the system administrators, are never deactivated by a file that
 * leaves them out (nobody could sign in to put it right: an admin made with `admin:create` is
 * often not on HR's list). Retiring an administrator is done by revoking the role first.
 */
async function analyse(db: Db, orgId: string, text: string, actorNo: string): Promise<Analysis> {
	const today = toJstDate(new Date());
	const parsed = readStaffCsv(text, new Set((await listUnitCodes(db, orgId)).keys()));
	if (!parsed.ok) return parsed;
	const keep = [...parsed.mentioned, actorNo, ...(await listAdminEmployeeNos(db, orgId))];
	const plan = planImport(await listCurrentStaff(db, orgId, today), parsed.rows, {
		today,
		maxDeactivationShare: MAX_DEACTIVATION_SHARE,
		alsoInFile: keep
	});
	return { ok: true, rows: parsed.rows, errors: parsed.errors, plan };
}

const LIST_LIMIT = 200;

/** The preview HR sees: counts, the first rows of each list, and every row error. */
function summarise(a: Extract<Analysis, { ok: true }>, draftId: string, fileName: string, encoding: string) {
	const { plan } = a;
	return {
		draftId,
		fileName,
		encoding,
		rows: a.rows.length,
		errors: a.errors,
		added: plan.added
			.slice(0, LIST_LIMIT)
			.map((r) => ({ row: r.row, employeeNo: r.employeeNo, name: r.name, unitCode: r.unitCode })),
		changed: plan.changed.slice(0, LIST_LIMIT),
		transfers: plan.transfers.slice(0, LIST_LIMIT),
		deactivated: plan.deactivated.slice(0, LIST_LIMIT).map((d) => ({ employeeNo: d.employeeNo, name: d.name })),
		counts: {
			added: plan.added.length,
			changed: plan.changed.length,
			transfers: plan.transfers.length,
			reactivated: plan.reactivated.length,
			deactivated: plan.deactivated.length,
			unchanged: plan.unchanged
		},
		deactivationPercent: Math.round(plan.deactivationShare * 1000) / 10,
		needsConfirmation: plan.needsConfirmation
	};
}

export type ImportPreview = ReturnType<typeof summarise>;

/** Reads the uploaded file and stores it as a draft; nothing in the staff list changes yet. */
export async function previewImport(
	db: Db,
	actor: Actor,
	file: File
): Promise<{ ok: false; message: string } | { ok: true; preview: ImportPreview }> {
	const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
	if (!decoded.ok) return decoded;
	const analysis = await analyse(db, actor.orgId, decoded.text, actor.employeeNo);
	if (!analysis.ok) return analysis;
	const draftId = generateId();
	await db.delete(staffImportDraft).where(lt(staffImportDraft.createdAt, new Date(Date.now() - DRAFT_TTL_MS)));
	await db.insert(staffImportDraft).values({
		id: draftId,
		orgId: actor.orgId,
		actorId: actor.id,
		fileName: file.name.slice(0, 200),
		encoding: decoded.encoding,
		text: decoded.text,
		createdAt: new Date()
	});
	return { ok: true, preview: summarise(analysis, draftId, file.name, decoded.encoding) };
}

export type ApplyOutcome = { ok: true; importId: string } | { ok: false; message: string };

type DraftOptions = { skipErrorRows: boolean; confirmDeactivation: boolean };

/** The draft and its analysis against the staff list as it is now, or what HR must put right first. */
async function loadImportDraft(db: Db, actor: Actor, draftId: string, opts: DraftOptions) {
	const [draft] = await db
		.select()
		.from(staffImportDraft)
		.where(
			and(
				eq(staffImportDraft.id, draftId),
				eq(staffImportDraft.orgId, actor.orgId),
				eq(staffImportDraft.actorId, actor.id)
			)
		);
	if (!draft) return { ok: false as const, message: m.import_err_draft_expired() };
	const a = await analyse(db, actor.orgId, draft.text, actor.employeeNo);
	if (!a.ok) return a;
	if (a.errors.length > 0 && !opts.skipErrorRows)
		return { ok: false as const, message: m.import_err_has_errors({ count: a.errors.length }) };
	if (a.plan.needsConfirmation && !opts.confirmDeactivation)
		return {
			ok: false as const,
			message: m.import_err_deactivation_unconfirmed({ percent: Math.round(a.plan.deactivationShare * 100) })
		};
	return { ok: true as const, draft, a };
}

/** Checks a draft could be applied with these options (the form answers at once); writes nothing. */
export async function checkDraft(
	db: Db,
	actor: Actor,
	draftId: string,
	opts: DraftOptions
): Promise<{ ok: true } | { ok: false; message: string }> {
	const r = await loadImportDraft(db, actor, draftId, opts);
	return r.ok ? { ok: true } : r;
}

/** Applies a previewed draft, re-checked against the staff list as it is now. */
export async function applyDraft(
	db: Db,
	actor: Actor & { ip: string | null },
	draftId: string,
	opts: DraftOptions
): Promise<ApplyOutcome> {
	const r = await loadImportDraft(db, actor, draftId, opts);
	if (!r.ok) return r;
	const { draft, a } = r;
	const importId = await applyImport(
		db,
		{ orgId: actor.orgId, actorId: actor.id, fileName: draft.fileName, encoding: draft.encoding, ip: actor.ip },
		a.plan,
		a.rows
	);
	await db.delete(staffImportDraft).where(eq(staffImportDraft.id, draft.id));
	return { ok: true, importId };
}
