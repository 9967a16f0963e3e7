import type { APIRequestContext, APIResponse } from '@playwright/test';
import { ROLES, type Outcome, type Role } from './access-dsl.ts';
import { RULES } from './access-rules.ts';
import { ORIGIN } from './fixtures.ts';
import {
	MIRAI,
	MIRAI_CERTIFICATE,
	MIRAI_CLOSED_YEAR,
	MIRAI_JOB,
	OPEN_YEAR,
	OTHER_ORG,
	QUIZ_MODULE,
	type World
} from './matrix-world.ts';
import { pathOf, type RouteEntry } from './route-tree.ts';

/** The objects a route can point at, by kind; the rules name these variants. */
export const VARIANTS = {
	person: ['self', 'shimin', 'zeimu', 'privileged', 'otherOrg'],
	unit: ['shimin', 'shiminTeam', 'zeimu', 'otherOrg'],
	curriculum: ['mirai', 'otherOrg'],
	fiscalYear: ['closed', 'open', 'otherOrg'],
	module: ['module', 'missing'],
	attempt: ['self', 'other', 'otherOrg'],
	notice: ['other', 'otherOrg', 'invalid'],
	target: ['otherOrg', 'invalid'],
	draft: ['otherOrg'],
	import: ['otherOrg'],
	employeeNo: ['otherOrg', 'invalid'],
	certificate: ['own', 'otherOrg', 'missing'],
	certificateYear: ['noPass'],
	job: ['hrs', 'otherOrg'],
	none: ['-']
} as const;
type Kind = keyof typeof VARIANTS;

/** Route parameters and the kind of object each one names. */
const PARAM_KINDS: Record<string, Kind> = {
	personId: 'person',
	unitId: 'unit',
	curriculumId: 'curriculum',
	fiscalYear: 'fiscalYear',
	slug: 'module',
	attemptId: 'attempt',
	certificateId: 'certificate',
	fy: 'certificateYear',
	jobId: 'job'
};

/** Actions whose object is a form field; `extra` completes the form so that only the object can fail. */
const FIELD_OBJECTS: Record<string, { field: string; kind: Kind; extra?: Record<string, string> }> = {
	'POST /(app)/mypage?/read': { field: 'noticeId', kind: 'notice' },
	'POST /(app)/manager/units/[unitId]?/remind': { field: 'personId', kind: 'person' },
	'POST /(app)/dashboard/targets?/delete': { field: 'targetId', kind: 'target' },
	'POST /(app)/hr/import?/apply': { field: 'draftId', kind: 'draft' },
	'POST /(app)/hr/import?/undo': { field: 'importId', kind: 'import' },
	'POST /(app)/hr/training?/record': {
		field: 'employeeNo',
		kind: 'employeeNo',
		extra: { kind: 'classroom', title: 'となり町の研修', category: 'DX基礎', date: '2024-04-01' }
	}
};

/** A complete, valid form for another organisation's object: only the organisation can stop it. */
const VALID_FOR_OTHER_ORG: Record<string, Record<string, string>> = {
	'POST /(app)/hr/curricula/[curriculumId=id]': {
		name: 'となり町の研修計画',
		active: 'on',
		'include:security-policy': 'on',
		'dueKind:security-policy': 'fiscal_year_end',
		'recurrence:security-policy': 'once'
	}
};

/** Forms that are wrong on purpose for everyone: an answer to a question that was never drawn. */
const FORMS: Record<string, Record<string, string>> = {
	'POST /(app)/learn/[slug=slug]/quiz/[attemptId=id]?/save': { 'q:matrix': 'x' },
	'POST /(app)/learn/[slug=slug]/quiz/[attemptId=id]?/submit': { 'q:matrix': 'x' }
};

const QUERIES: Record<string, string> = { 'GET /(app)/dashboard/export': '?kind=units' };

/** Sent last: it ends the session the other cells use. */
const ENDS_SESSION = new Set(['POST /logout']);

export type Cell = {
	entry: RouteEntry;
	role: Role;
	variant: string;
	url: string;
	params: Record<string, string>;
	form?: Record<string, string>;
	expected: Outcome | undefined;
};

export const kindOf = (e: RouteEntry): Kind => {
	if (FIELD_OBJECTS[e.key]) return FIELD_OBJECTS[e.key].kind;
	const last = e.params.at(-1);
	if (last && !PARAM_KINDS[last])
		throw new Error(`${e.key}: no objects for [${last}] in tests/e2e/matrix-cells.ts (PARAM_KINDS)`);
	return last ? PARAM_KINDS[last] : 'none';
};

/** The id (or route parameters) of one variant, as seen by one role. `own` is the role's open attempt. */
function resolve(kind: Kind, v: string, role: Role, w: World, own: string | null): Record<string, string> {
	const me = role === 'anon' ? 'employee' : role;
	switch (kind) {
		case 'person':
			return {
				personId:
					v === 'self'
						? w.people[me]
						: v === 'otherOrg'
							? OTHER_ORG.person
							: v === 'privileged'
								? w.people.admin
								: w.people[v as 'shimin' | 'zeimu']
			};
		case 'unit':
			return {
				unitId: {
					shimin: `${MIRAI}-u210`,
					shiminTeam: `${MIRAI}-u211`,
					zeimu: `${MIRAI}-u220`,
					otherOrg: OTHER_ORG.unit
				}[v]!
			};
		case 'curriculum':
			return { curriculumId: v === 'mirai' ? w.miraiCurriculum : OTHER_ORG.curriculum };
		case 'fiscalYear':
			return { fiscalYear: String({ closed: MIRAI_CLOSED_YEAR, open: OPEN_YEAR, otherOrg: OTHER_ORG.closedYear }[v]) };
		case 'module':
			return { slug: v === 'module' ? QUIZ_MODULE : 'no-such-module' };
		case 'attempt':
			if (v === 'other') return { slug: w.otherAttempt.slug, attemptId: w.otherAttempt.id };
			return { slug: QUIZ_MODULE, attemptId: v === 'otherOrg' ? OTHER_ORG.attempt : (own ?? w.otherAttempt.id) };
		case 'notice':
			return { noticeId: { other: w.otherNotice, otherOrg: OTHER_ORG.notice, invalid: 'not-a-notice' }[v]! };
		case 'target':
			return { targetId: v === 'otherOrg' ? OTHER_ORG.target : 'not-a-target' };
		case 'draft':
			return { draftId: OTHER_ORG.draft };
		case 'import':
			return { importId: OTHER_ORG.import };
		case 'employeeNo':
			return { employeeNo: v === 'otherOrg' ? OTHER_ORG.employeeNo : '!!' };
		case 'certificate':
			return {
				certificateId: { own: MIRAI_CERTIFICATE, otherOrg: OTHER_ORG.certificate, missing: 'aaaaaaaaaaaaaaaaaaaaaaaa' }[
					v
				]!
			};
		case 'certificateYear':
			return { fy: '2019' };
		case 'job':
			return { jobId: v === 'hrs' ? MIRAI_JOB : OTHER_ORG.job };
		case 'none':
			return {};
	}
}

/** Parameters a route needs besides its object (the 課 page a 督促 is sent from). */
const defaults = (w: World): Record<string, string> => ({
	unitId: `${MIRAI}-u210`,
	slug: QUIZ_MODULE,
	personId: w.people.shimin,
	curriculumId: w.miraiCurriculum
});

export function cellsFor(entries: RouteEntry[], role: Role, w: World, own: string | null): Cell[] {
	const ordered = [...entries].sort((a, b) => Number(ENDS_SESSION.has(a.key)) - Number(ENDS_SESSION.has(b.key)));
	return ordered.flatMap((entry) => {
		const kind = kindOf(entry);
		const object = FIELD_OBJECTS[entry.key];
		return VARIANTS[kind].map((variant): Cell => {
			const ids = resolve(kind, variant, role, w, own);
			const params = { ...defaults(w), ...(object ? {} : ids) };
			const url =
				pathOf(entry.routeId, params) +
				(QUERIES[entry.key] ?? '') +
				(entry.action && entry.action !== 'default' ? `?/${entry.action}` : '');
			const form =
				entry.method === 'POST'
					? {
							...FORMS[entry.key],
							...(variant === 'otherOrg' ? VALID_FOR_OTHER_ORG[entry.key] : {}),
							...(object ? { ...object.extra, [object.field]: ids[object.field] } : {})
						}
					: undefined;
			const rule = RULES[entry.key];
			return { entry, role, variant, url, params, form, expected: rule?.(role, variant) };
		});
	});
}

export type Allowed = { entry: RouteEntry; role: Role; variant: string; expected: Outcome };

/**
 * The first cell the rules allow, for tests that need someone who may use a route: a form's
 * 400 first (the action read the form), else a page, file or redirect. Signed-out first
 * outside the signed-in area.
 */
export function firstAllowed(entry: RouteEntry): Allowed | null {
	const signedIn = ROLES.filter((r) => r !== 'anon');
	const roles: Role[] = entry.routeId.startsWith('/(app)') ? signedIn : ['anon', ...signedIn];
	let fallback: Allowed | null = null;
	for (const role of roles)
		for (const variant of VARIANTS[kindOf(entry)]) {
			const expected = RULES[entry.key]?.(role, variant);
			if (entry.method === 'POST' && expected?.status === 400) return { entry, role, variant, expected };
			if (!fallback && expected && expected.status < 400) fallback = { entry, role, variant, expected };
		}
	return fallback;
}

/** The request a browser without JavaScript would make; redirects are not followed. */
export function sendCell(request: APIRequestContext, cell: Cell): Promise<APIResponse> {
	if (cell.entry.method === 'GET') return request.get(cell.url, { maxRedirects: 0, headers: { accept: 'text/html' } });
	return request.fetch(cell.url, {
		method: cell.entry.method,
		maxRedirects: 0,
		headers: { origin: ORIGIN, accept: 'text/html' },
		form: cell.form ?? {}
	});
}

export const describeCell = (c: Cell) => `${c.role} × ${c.entry.key}${c.variant === '-' ? '' : ` [${c.variant}]`}`;

/** What differs from the rule, or null. */
export async function compare(cell: Cell, res: APIResponse): Promise<string | null> {
	const exp = cell.expected;
	if (!exp) return `${describeCell(cell)}: the rule gives no outcome for this variant`;
	const got = res.status();
	if (got !== exp.status) return `${describeCell(cell)}: expected ${exp.status}, got ${got} (${cell.url})`;
	if (exp.to) {
		const path = new URL(res.headers()['location'] ?? '', ORIGIN).pathname;
		if (exp.to.endsWith('/') ? !path.startsWith(exp.to) : path !== exp.to)
			return `${describeCell(cell)}: expected a redirect to ${exp.to}, got ${path}`;
	}
	if (exp.text && !(await res.text()).includes(exp.text))
		return `${describeCell(cell)}: the answer does not say 「${exp.text}」`;
	return null;
}

/** Starts (or resumes) the signed-in role's attempt on the quiz module: the `self` attempt of the matrix. */
export async function ownAttempt(request: APIRequestContext): Promise<string> {
	const res = await request.post(`/learn/${QUIZ_MODULE}?/start`, {
		maxRedirects: 0,
		headers: { origin: ORIGIN, accept: 'text/html' },
		form: {}
	});
	const id = /\/quiz\/([a-z2-7]{24})$/.exec(res.headers()['location'] ?? '')?.[1];
	if (!id)
		throw new Error(`starting the ${QUIZ_MODULE} quiz answered ${res.status()} ${res.headers()['location'] ?? ''}`);
	return id;
}
