/**
 * 修了証: when one may be issued, who may open it, and its verification code. Pure rules; the
 * server issues certificates lazily and looks codes up (src/lib/server/certificates.ts).
 */
import { fiscalYearOf, type IsoDate } from './japanese-date.ts';
import { hasRole, managedPaths, type Viewer } from './access.ts';
import { anyInSubtrees } from './unit-path.ts';
import type { ModuleFact } from './report-facts.ts';

/** No 0/O, 1/I/L: a code read aloud over the phone or copied from paper stays unambiguous. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 12 characters of 31: about 59 bits, far beyond guessing through an audited HR form. */
export const CODE_LENGTH = 12;

/** Random bytes; injectable so a test can force particular codes. */
export type RandomBytes = (n: number) => Uint8Array;
const cryptoBytes: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));

/** A fresh code as stored (no hyphens), drawn without bias by rejecting bytes ≥ 248 (8 × 31). */
export function generateCertificateCode(random: RandomBytes = cryptoBytes): string {
	const limit = Math.floor(256 / CODE_ALPHABET.length) * CODE_ALPHABET.length;
	let code = '';
	while (code.length < CODE_LENGTH)
		for (const b of random(CODE_LENGTH))
			if (b < limit && code.length < CODE_LENGTH) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
	return code;
}

/** 「ABCD-EFGH-JKMN」: groups of four for reading and typing. */
export function formatCertificateCode(code: string): string {
	return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** Hyphens, dashes, the long-vowel mark an IME gives for 「-」, spaces and dots between groups. */
const SEPARATORS = /[\s\-‐‑‒–—―−ー_・.。、,]/g;

/**
 * The stored form of what someone typed (full-width, lower case, any grouping), or null when it
 * cannot be a code at all (wrong length or a character never used in codes).
 */
export function normaliseCertificateCode(input: string): string | null {
	const code = input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
	if (code.length !== CODE_LENGTH) return null;
	return [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

export type PassRecord = { passed: boolean; submittedOn: IsoDate };

/** A module's 修了日 in a 年度: its first passing day there, or null if it was not passed in it. */
export function modulePassDate(results: readonly PassRecord[], fiscalYear: number): IsoDate | null {
	const days = results.filter((r) => r.passed && fiscalYearOf(r.submittedOn) === fiscalYear).map((r) => r.submittedOn);
	return days.sort()[0] ?? null;
}

/**
 * A curriculum is completed in a 年度 when it assigned the person something due in that 年度
 * (`covered`) and every mandatory module of it assigned to them in that 年度 is passed or exempt,
 * at least one by a pass (a 年度 spent entirely exempt completes nothing). The 修了日 is the
 * day of the last pass. `facts` are one person's facts for the 年度 (report-facts.ts).
 */
export function curriculumCompletedOn(
	mandatorySlugs: readonly string[],
	facts: readonly ModuleFact[],
	covered: boolean
): IsoDate | null {
	if (!covered) return null;
	const required = facts.filter((f) => f.assigned && mandatorySlugs.includes(f.moduleSlug));
	if (required.length === 0 || required.some((f) => !f.passed && !f.exempt)) return null;
	const days = required.flatMap((f) => (f.passed && f.passedOn ? [f.passedOn] : [])).sort();
	return days.at(-1) ?? null;
}

/**
 * Who may open a person's certificate: the person, HR and admin of their organisation, and a
 * 課長 whose units include one of the person's current units. Executives only read reports.
 */
export function canViewCertificate(
	viewer: Viewer,
	owner: { id: string; orgId: string; unitPaths: readonly string[] }
): boolean {
	if (owner.orgId !== viewer.orgId) return false;
	if (owner.id === viewer.id || hasRole(viewer, 'hr', 'admin')) return true;
	return anyInSubtrees(owner.unitPaths, managedPaths(viewer));
}
