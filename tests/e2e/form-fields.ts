import { fiscalYearOf } from '../../src/lib/domain/japanese-date.ts';

/**
 * The fields each form action reads, as its page's form sends them (the malformed-input sweep
 * fills every one with bad values). `files` are file inputs. Quiz answers are read from the
 * quiz page itself (`q:<item id>`). An action missing here is still swept, with a made-up field.
 * `valid` is a form the action would accept and store; the sweep sends it with its first field
 * given twice, which must be refused like any other repeated field.
 */
export type FormFields = { text: string[]; files?: string[]; answers?: true; valid?: [string, string][] };

const CURRICULUM = [
	'name',
	'active',
	'jobGrades',
	'tags',
	'unitIds',
	'employmentTypes',
	'hiredWithinDays',
	...['include', 'mandatory', 'dueKind', 'dueDays', 'dueDate', 'recurrence'].map((f) => `${f}:security-policy`)
];

export const FORM_FIELDS: Record<string, FormFields> = {
	'POST /login': { text: ['employeeNo', 'password'] },
	'POST /logout': { text: [] },
	'POST /language': {
		text: ['locale', 'next'],
		valid: [
			['locale', 'ja'],
			['next', '/']
		]
	},
	'POST /(app)/account/password': { text: ['current', 'next', 'confirm'] },
	'POST /(app)/mypage?/read': { text: ['noticeId'] },
	'POST /(app)/learn/[slug=slug]?/start': { text: [] },
	'POST /(app)/learn/[slug=slug]/quiz/[attemptId=id]?/save': { text: [], answers: true },
	'POST /(app)/learn/[slug=slug]/quiz/[attemptId=id]?/submit': { text: [], answers: true },
	'POST /(app)/people/[personId]?/issuePassword': { text: [] },
	'POST /(app)/people/[personId]?/exempt': {
		text: ['reason', 'fromDate', 'toDate', 'moduleSlug', 'note'],
		valid: [
			['reason', '長期研修'],
			['fromDate', '2030-04-01'],
			['toDate', '2030-09-30']
		]
	},
	'POST /(app)/people/[personId]?/assign': { text: ['moduleSlug', 'dueDate', 'mandatory'] },
	'POST /(app)/manager/units/[unitId]?/remind': { text: ['personId'] },
	'POST /(app)/dashboard/targets?/create': {
		text: [
			'name',
			'fiscalYear',
			'metric',
			'scopeKind',
			'scopeModule',
			'scopeCategory',
			'scopeCurriculum',
			'scopeTag',
			'threshold',
			'baseline',
			'source'
		],
		valid: [
			['name', '重複確認の目標'],
			['fiscalYear', String(fiscalYearOf(new Date()))],
			['metric', 'coverage'],
			['scopeKind', 'all'],
			['threshold', '100']
		]
	},
	'POST /(app)/dashboard/targets?/delete': { text: ['targetId'] },
	'POST /(app)/hr/curricula/new': {
		text: CURRICULUM,
		valid: [
			['name', '重複確認の研修計画'],
			['active', 'on'],
			['include:security-policy', 'on'],
			['dueKind:security-policy', 'fiscal_year_end'],
			['recurrence:security-policy', 'once']
		]
	},
	'POST /(app)/hr/curricula/[curriculumId=id]': { text: CURRICULUM },
	'POST /(app)/hr/fiscal-year?/close': { text: ['fiscalYear', 'confirm'] },
	'POST /(app)/hr/import?/preview': { text: [], files: ['file'] },
	'POST /(app)/hr/import?/apply': { text: ['draftId', 'skipErrorRows', 'confirmDeactivation'] },
	'POST /(app)/hr/import?/undo': { text: ['importId'] },
	'POST /(app)/hr/training?/upload': { text: [], files: ['file'] },
	'POST /(app)/hr/training?/record': {
		text: ['employeeNo', 'kind', 'title', 'category', 'date'],
		valid: [
			['title', '重複確認の研修'],
			['employeeNo', '000004'],
			['kind', 'classroom'],
			['category', 'DX基礎'],
			['date', '2024-04-01']
		]
	}
};

/** The query parameters each GET route reads. */
export const QUERY_FIELDS: Record<string, string[]> = {
	'GET /(app)/dashboard': ['fy', 'refresh'],
	'GET /(app)/dashboard/export': ['kind', 'enc', 'fy', 'module'],
	'GET /(app)/hr/people': ['q', 'page'],
	'GET /(app)/hr/curricula': ['saved', 'created'],
	'GET /(app)/hr/import': ['done'],
	'GET /(app)/learn/[slug=slug]': ['s'],
	'GET /login': ['next']
};
