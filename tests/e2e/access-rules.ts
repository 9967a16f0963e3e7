import {
	anyone,
	byVariant,
	HOME,
	LOGIN,
	managesPerson,
	only,
	redirectTo,
	SEES_PERSON,
	signedIn,
	within,
	type Rule,
	type SignedInRole
} from './access-dsl.ts';

/**
 * Who may do what: one line per page (`GET`), form action (`POST …?/name`, `POST …` for a
 * default action) and endpoint of src/routes. matrix.test.ts fails for a route without a line
 * here and for a line whose route is gone. Variants (self, shimin, zeimu, otherOrg …) are the
 * objects of matrix-world.ts. Actions that would change data are sent an invalid form, so an
 * allowed cell expects the form's 400 (the guard let it through) rather than a 403/404.
 */
/** The HR area: HR staff and system administrators. */
const HR: SignedInRole[] = ['hr', 'admin'];
const UNITS_SEEN = {
	manager: ['shimin', 'shiminTeam'],
	hr: ['shimin', 'shiminTeam', 'zeimu'],
	admin: ['shimin', 'shiminTeam', 'zeimu'],
	executive: ['shimin', 'shiminTeam', 'zeimu']
} as const;

export const RULES: Record<string, Rule> = {
	'GET /': (role) => (role === 'anon' ? redirectTo('/login') : redirectTo(HOME[role])),
	'GET /login': (role) => (role === 'anon' ? { status: 200 } : redirectTo(HOME[role])),
	// a signed-in visitor's failed form re-renders the page, whose load sends them home
	'POST /login': (role) => (role === 'anon' ? { status: 400 } : redirectTo(HOME[role])),
	// the second sign-in step is only for a password-checked session waiting for its code
	'GET /login/two-factor': (role) => (role === 'anon' ? LOGIN : redirectTo('/')),
	'POST /login/two-factor': (role) => (role === 'anon' ? LOGIN : redirectTo('/')),
	'GET /logout': anyone(redirectTo('/')),
	// 「アクセシビリティ試験結果」 is public, like a municipality's own statement
	'GET /accessibility': anyone(200),
	// a reverse proxy's health check: public, and says nothing about the organisation
	'GET /health': anyone(200),
	'POST /logout': anyone(LOGIN),
	// the display language: anyone may switch (an invalid choice is refused with 400)
	'GET /language': anyone(200),
	'POST /language': anyone(400),

	'GET /(app)/account/password': signedIn(),
	'POST /(app)/account/password': signedIn(400),
	'GET /(app)/account/two-factor': signedIn(),
	'POST /(app)/account/two-factor?/enroll': signedIn(400),
	'POST /(app)/account/two-factor?/renew': signedIn(400),
	// HR and admin must keep their second factor: only the administrator can reset it
	'POST /(app)/account/two-factor?/remove': (role) =>
		role === 'anon' ? LOGIN : { status: role === 'hr' || role === 'admin' ? 403 : 400 },
	// a job (and its file) is seen by the person who started it only: HR's export is 404 to everyone else
	'GET /(app)/jobs': signedIn(),
	'GET /(app)/jobs/[jobId=id]': signedIn(
		byVariant({ hrs: (role) => ({ status: role === 'hr' ? 200 : 404 }), otherOrg: 404 })
	),
	'GET /(app)/jobs/[jobId=id]/status': signedIn(
		byVariant({ hrs: (role) => ({ status: role === 'hr' ? 200 : 404 }), otherOrg: 404 })
	),
	'GET /(app)/jobs/[jobId=id]/file': signedIn(
		byVariant({ hrs: (role) => ({ status: role === 'hr' ? 200 : 404 }), otherOrg: 404 })
	),
	'GET /(app)/mypage': signedIn(),
	'POST /(app)/mypage?/read': signedIn(byVariant({ other: 404, otherOrg: 404, invalid: 400 })),
	'GET /(app)/history': signedIn(),
	'GET /(app)/learn': signedIn(),
	'GET /(app)/learn/[slug=slug]': signedIn(byVariant({ module: 200, missing: 404 })),
	'POST /(app)/learn/[slug=slug]?/start': signedIn(
		byVariant({ module: redirectTo('/learn/open-data/quiz/'), missing: 404 })
	),
	'GET /(app)/learn/[slug=slug]/quiz/[attemptId=id]': signedIn(byVariant({ self: 200, other: 404, otherOrg: 404 })),
	'POST /(app)/learn/[slug=slug]/quiz/[attemptId=id]?/save': signedIn(
		byVariant({ self: 400, other: 404, otherOrg: 404 })
	),
	'POST /(app)/learn/[slug=slug]/quiz/[attemptId=id]?/submit': signedIn(
		byVariant({ self: 400, other: 404, otherOrg: 404 })
	),

	'GET /(app)/people/[personId]': signedIn(within(SEES_PERSON)),
	// an account holding more power than HR (the administrator's) gets its password from an administrator only
	'POST /(app)/people/[personId]?/issuePassword': only(
		HR,
		byVariant({
			self: 400,
			shimin: 200,
			zeimu: 200,
			privileged: (role) => ({ status: role === 'admin' ? 400 : 403 }),
			otherOrg: 404
		})
	),
	'POST /(app)/people/[personId]?/exempt': managesPerson(400),
	'POST /(app)/people/[personId]?/assign': managesPerson(400),

	'GET /(app)/manager': only(['manager'], redirectTo('/manager/units/org-mirai-u210')),
	'GET /(app)/manager/units/[unitId]': signedIn(within(UNITS_SEEN)),
	'POST /(app)/manager/units/[unitId]?/remind': managesPerson(400),

	'GET /(app)/dashboard': only(['manager', 'hr', 'admin', 'executive']),
	'GET /(app)/dashboard/export': only(['manager', 'hr', 'admin', 'executive']),
	// the form: 個人別 starts a job; an empty form is refused (400) once the guard let it through
	'POST /(app)/dashboard/export': only(['manager', 'hr', 'admin', 'executive'], 400),
	'GET /(app)/dashboard/targets': only(HR),
	'POST /(app)/dashboard/targets?/create': only(HR, 400),
	'POST /(app)/dashboard/targets?/delete': only(HR, byVariant({ otherOrg: 404, invalid: 400 })),

	'GET /(app)/hr': only(HR),
	'GET /(app)/hr/people': only(HR),
	'GET /(app)/hr/curricula': only(HR),
	'GET /(app)/hr/curricula/new': only(HR),
	'POST /(app)/hr/curricula/new': only(HR, 400),
	'GET /(app)/hr/curricula/[curriculumId=id]': only(HR, byVariant({ mirai: 200, otherOrg: 404 })),
	'POST /(app)/hr/curricula/[curriculumId=id]': only(HR, byVariant({ mirai: 400, otherOrg: 404 })),
	'GET /(app)/hr/fiscal-year': only(HR),
	'POST /(app)/hr/fiscal-year?/close': only(HR, 400),
	'GET /(app)/hr/fiscal-year/[fiscalYear=year]': only(HR, byVariant({ closed: 200, open: 404, otherOrg: 404 })),
	'GET /(app)/hr/import': only(HR),
	'GET /(app)/hr/import/template': only(HR),
	'POST /(app)/hr/import?/preview': only(HR, 400),
	'POST /(app)/hr/import?/apply': only(
		HR,
		byVariant({ otherOrg: { status: 400, text: 'プレビューの有効期限が切れたか、見つかりません' } })
	),
	'POST /(app)/hr/import?/undo': only(
		HR,
		byVariant({ otherOrg: { status: 400, text: '取り消せるのは、最後に行った取り込みだけです' } })
	),
	'GET /(app)/hr/passwords': only(HR),
	// the form must say which encoding the list is wanted in
	'POST /(app)/hr/passwords/issue': only(HR, 400),
	// the employee's 修了証: the owner, their 課長, HR and admin; not an executive, nobody in another organisation
	'GET /(app)/certificates/[certificateId=id]': signedIn(
		byVariant({ own: (role) => ({ status: role === 'executive' ? 404 : 200 }), otherOrg: 404, missing: 404 })
	),
	// issuing needs the viewer's own pass, which no account has for 2019: the explained 404
	'GET /(app)/certificates/module/[slug=slug]/[fy=year]': signedIn(404),
	'GET /(app)/certificates/curriculum/[curriculumId=id]/[fy=year]': signedIn(404),
	'GET /(app)/hr/certificates': only(HR),
	'POST /(app)/hr/certificates?/verify': only(HR, 400),
	'GET /(app)/hr/units': only(HR),
	'GET /(app)/hr/units/template': only(HR),
	'POST /(app)/hr/units?/upload': only(HR, 400),
	'GET /(app)/hr/training': only(HR),
	'POST /(app)/hr/training?/upload': only(HR, 400),
	'POST /(app)/hr/training?/record': only(
		HR,
		byVariant({ otherOrg: { status: 400, text: 'この職員番号の職員はいません' }, invalid: 400 })
	),

	'GET /(app)/admin': only(['admin']),
	'GET /(app)/admin/audit': only(['admin']),
	'GET /(app)/admin/audit/export': only(['admin']),
	'GET /(app)/admin/roles': only(['admin']),
	'POST /(app)/admin/roles?/grant': only(['admin'], 400),
	'POST /(app)/admin/roles?/revoke': only(['admin'], 400),
	'POST /(app)/admin/roles?/resetTwoFactor': only(['admin'], 400)
};
