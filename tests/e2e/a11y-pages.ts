import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from '@playwright/test';
import { ORIGIN, UNITS } from './fixtures.ts';
import { ensureEmployeeCertificate } from './matrix-world.ts';

/** The locales the sweep covers; adding English is adding 'en' here (cookie strategy). */
export const LOCALES = ['ja', 'en'] as const;

/** The WCAG 2.0/2.1 A and AA rules (JIS X 8341-3:2016 = WCAG 2.0). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export type RoleName = 'signedOut' | 'employee' | 'newHire' | 'manager' | 'hr' | 'admin' | 'executive';

/** One page to scan: the route it belongs to (its id under src/routes), where it is and the status it answers with. */
export type Visit = { route: string; path: string; status?: number };

// a module no other test opens as these roles, so their reading positions are left alone
const MODULE = 'standardization';

/** Pages whose path needs an id read from the app first. */
async function hrefOf(page: Page, from: string, link: string): Promise<string> {
	await page.goto(from);
	const href = await page.locator(link).first().getAttribute('href');
	if (!href) throw new Error(`no link ${link} on ${from}`);
	return href;
}

/** Starts a 個人別 export (a job of the signed-in role) and answers its progress page. */
async function startedJob(page: Page): Promise<string> {
	const res = await page.request.post('/dashboard/export', {
		form: { kind: 'persons', enc: 'utf-8' },
		headers: { origin: ORIGIN },
		maxRedirects: 0
	});
	const to = res.headers()['location'];
	if (res.status() !== 303 || !to?.startsWith('/jobs/'))
		throw new Error(`starting an export answered ${res.status()} ${to ?? ''}`);
	return to;
}

const learner = (): Visit[] => [
	{ route: '/(app)/jobs', path: '/jobs' },
	{ route: '/(app)/mypage', path: '/mypage' },
	{ route: '/(app)/learn', path: '/learn' },
	{ route: '/(app)/learn/[slug=slug]', path: `/learn/${MODULE}` },
	{ route: '/(app)/learn/[slug=slug]', path: `/learn/${MODULE}?s=99` },
	{ route: '/(app)/history', path: '/history' },
	{ route: '/(app)/account/password', path: '/account/password' },
	{ route: '/(app)/account/two-factor', path: '/account/two-factor' },
	{ route: '/accessibility', path: '/accessibility' },
	{ route: '/language', path: '/language?next=/mypage' },
	{ route: '/+error', path: '/learn/no-such-module', status: 404 }
];

const hrPages = async (page: Page): Promise<Visit[]> => [
	{ route: '/(app)/hr', path: '/hr' },
	{ route: '/(app)/hr/people', path: '/hr/people?q=000004' },
	{ route: '/(app)/people/[personId]', path: await hrefOf(page, '/hr/people?q=000004', 'table a[href^="/people/"]') },
	{ route: '/(app)/hr/curricula', path: '/hr/curricula' },
	{ route: '/(app)/hr/curricula/new', path: '/hr/curricula/new' },
	{
		route: '/(app)/hr/curricula/[curriculumId=id]',
		path: await hrefOf(page, '/hr/curricula', 'table a[href^="/hr/curricula/"]')
	},
	{ route: '/(app)/hr/fiscal-year', path: '/hr/fiscal-year' },
	{ route: '/(app)/hr/import', path: '/hr/import' },
	{ route: '/(app)/hr/training', path: '/hr/training' },
	{ route: '/(app)/hr/units', path: '/hr/units' },
	{ route: '/(app)/hr/passwords', path: '/hr/passwords' },
	{ route: '/(app)/hr/certificates', path: '/hr/certificates' },
	{ route: '/(app)/dashboard', path: '/dashboard' },
	{ route: '/(app)/dashboard/targets', path: '/dashboard/targets' },
	{ route: '/(app)/jobs/[jobId=id]', path: await startedJob(page) },
	{ route: '/(app)/manager/units/[unitId]', path: `/manager/units/${UNITS.jinji}` }
];

/** Every GET page each role can open (and an error page it meets), read from the route tree. */
export const PLAN: Record<RoleName, (page: Page) => Promise<Visit[]>> = {
	signedOut: async () => [
		{ route: '/login', path: '/login' },
		{ route: '/accessibility', path: '/accessibility' },
		{ route: '/language', path: '/language' },
		{ route: '/+error', path: '/no-such-page', status: 404 }
	],
	employee: async () => [
		...learner(),
		{ route: '/(app)/certificates/[certificateId=id]', path: `/certificates/${await ensureEmployeeCertificate()}` },
		{ route: '/+error', path: '/hr', status: 403 }
	],
	newHire: async () => learner(),
	manager: async (page) => [
		...learner(),
		{ route: '/(app)/manager', path: '/manager' },
		{ route: '/(app)/manager/units/[unitId]', path: `/manager/units/${UNITS.shimin}` },
		{
			route: '/(app)/people/[personId]',
			path: await hrefOf(page, `/manager/units/${UNITS.shimin}`, 'table a[href^="/people/"]')
		},
		{ route: '/(app)/dashboard', path: '/dashboard' },
		{ route: '/+error', path: '/admin', status: 403 }
	],
	hr: async (page) => [...learner(), ...(await hrPages(page))],
	admin: async (page) => [
		...learner(),
		...(await hrPages(page)),
		{ route: '/(app)/admin', path: '/admin' },
		{ route: '/(app)/admin/audit', path: '/admin/audit' },
		{ route: '/(app)/admin/roles', path: '/admin/roles' }
	],
	executive: async () => [...learner(), { route: '/(app)/dashboard', path: '/dashboard' }]
};

/**
 * Routes scanned by other steps of the sweep: the quiz (open and result), the second-factor
 * page (met while signing in). REDIRECT_ONLY pages only redirect (or give the explained 404).
 */
export const SCANNED_ELSEWHERE = ['/(app)/learn/[slug=slug]/quiz/[attemptId=id]', '/login/two-factor'];
export const REDIRECT_ONLY = [
	'/',
	'/logout',
	'/(app)/certificates/module/[slug=slug]/[fy=year]',
	'/(app)/certificates/curriculum/[curriculumId=id]/[fy=year]'
];

/** Every page route in src/routes, as SvelteKit names them. */
export function pageRoutes(root = 'src/routes'): string[] {
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			if (e.isDirectory()) walk(join(dir, e.name));
			else if (e.name === '+page.svelte') found.push('/' + relative(root, dir).split(sep).join('/'));
		}
	};
	walk(root);
	return found.map((r) => (r === '/' ? r : r.replace(/\/$/, ''))).sort();
}
