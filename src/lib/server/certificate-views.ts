/** An issued 修了証 as a reader sees it: opened by those allowed to, or verified by HR from its code. */
import { and, eq } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { certificate, organisation, person } from './db/schema.ts';

import { recordAudit } from './audit.ts';

import { listPersonUnits } from './people.ts';
import { canViewCertificate, formatCertificateCode, normaliseCertificateCode } from '../domain/certificate.ts';
import { toJstDate, type IsoDate } from '../domain/japanese-date.ts';

import type { Viewer } from '../domain/access.ts';
import type { Certificate, Owner } from './certificates.ts';

const viewColumns = {
	c: certificate,
	name: person.name,
	kana: person.kana,
	employeeNo: person.employeeNo,
	orgName: organisation.name
};

function toView({ c, ...p }: { c: Certificate; name: string; kana: string; employeeNo: string; orgName: string }) {
	return {
		id: c.id,
		kind: c.kind,
		subjectTitle: c.subjectTitle,
		fiscalYear: c.fiscalYear,
		completedOn: c.completedOn,
		issuedOn: toJstDate(c.issuedAt),
		code: formatCertificateCode(c.code),
		person: { id: c.personId, name: p.name, kana: p.kana, employeeNo: p.employeeNo },
		orgName: p.orgName
	};
}

export type CertificateView = ReturnType<typeof toView>;

const withPerson = (db: Db) =>
	db
		.select(viewColumns)
		.from(certificate)
		.innerJoin(person, eq(person.id, certificate.personId))
		.innerJoin(organisation, eq(organisation.id, certificate.orgId));

/** The certificate if the viewer may open it (owner, HR/admin, the owner's 課長), else null. */
export async function getCertificateFor(
	db: Db,
	viewer: Viewer,
	certificateId: string,
	today: IsoDate
): Promise<CertificateView | null> {
	const [row] = await withPerson(db).where(eq(certificate.id, certificateId));
	if (!row) return null;
	const units = await listPersonUnits(db, row.c.personId, today);
	return canViewCertificate(viewer, { id: row.c.personId, orgId: row.c.orgId, unitPaths: units.map((u) => u.path) })
		? toView(row)
		: null;
}

export type VerifyOutcome =
	{ ok: true; certificate: CertificateView & { units: string[] } } | { ok: false; reason: 'format' | 'not_found' };

/**
 * HR checks a code someone presents. Any typing of it is accepted (see the domain rules); only
 * certificates of the verifier's own organisation are found. Every lookup is audited.
 */
export async function verifyCertificateCode(
	db: Db,
	actor: Owner,
	input: string,
	ip: string | null,
	today: IsoDate,
	now = new Date()
): Promise<VerifyOutcome> {
	const code = normaliseCertificateCode(input);
	if (!code) return { ok: false, reason: 'format' };
	const [row] = await withPerson(db).where(and(eq(certificate.orgId, actor.orgId), eq(certificate.code, code)));
	const audit = { orgId: actor.orgId, actorId: actor.id, action: 'certificate.verified', ip };
	if (!row) {
		await recordAudit(
			db,
			{ ...audit, targetType: 'certificate', after: { code: formatCertificateCode(code), found: false } },
			now
		);
		return { ok: false, reason: 'not_found' };
	}
	await recordAudit(
		db,
		{
			...audit,
			targetType: 'person',
			targetId: row.c.personId,
			after: { certificateId: row.c.id, code: formatCertificateCode(code), found: true }
		},
		now
	);
	const units = await listPersonUnits(db, row.c.personId, today);
	return { ok: true, certificate: { ...toView(row), units: units.map((u) => u.fullName) } };
}
