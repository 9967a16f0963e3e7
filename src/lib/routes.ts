/**
 * URL builders for the addresses that carry a parameter or are chosen at run time (a section's
 * home, the sign-in page with where to go next). Fixed links in pages are written as they are.
 */
import type { Section } from './domain/access.ts';

export const SECTION_HREF: Record<Section, string> = {
	mypage: '/mypage',
	manager: '/manager',
	hr: '/hr',
	dashboard: '/dashboard',
	admin: '/admin'
};

export const loginHref = (next?: string) =>
	next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';

/** Only same-site paths may be a post-login destination (no open redirect). */
export function safeNext(next: string | null): string | null {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
	return next;
}

export const passwordHref = '/account/password';
export const twoFactorSetupHref = '/account/two-factor';
export const twoFactorHref = (next?: string) =>
	next && next !== '/' ? `/login/two-factor?next=${encodeURIComponent(next)}` : '/login/two-factor';
export const unitHref = (unitId: string) => `/manager/units/${unitId}`;
export const personHref = (personId: string) => `/people/${personId}`;
export const hrPeopleHref = (q?: string, page?: number) => {
	const params = new URLSearchParams();
	if (q) params.set('q', q);
	if (page && page > 1) params.set('page', String(page));
	const s = params.toString();
	return s ? `/hr/people?${s}` : '/hr/people';
};

export const learnHref = '/learn';
export const historyHref = '/history';
export const moduleHref = (slug: string, section?: number) =>
	section === undefined ? `/learn/${slug}` : `/learn/${slug}?s=${section + 1}`;
export const attemptHref = (slug: string, attemptId: string) => `/learn/${slug}/quiz/${attemptId}`;
export const certificateHref = (certificateId: string) => `/certificates/${certificateId}`;
/** Opens (issuing on first use) the 修了証 for a module passed, or a curriculum completed, in a 年度. */
export const moduleCertificateHref = (slug: string, fiscalYear: number) => `/certificates/module/${slug}/${fiscalYear}`;
export const curriculumCertificateHref = (curriculumId: string, fiscalYear: number) =>
	`/certificates/curriculum/${curriculumId}/${fiscalYear}`;
export const verifyCertificatesHref = '/hr/certificates';
export const curriculaHref = '/hr/curricula';
export const newCurriculumHref = '/hr/curricula/new';
export const curriculumHref = (id: string) => `/hr/curricula/${id}`;
