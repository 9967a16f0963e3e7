/**
 * The small vocabulary the access rules are written in. A rule answers, for one role and one
 * object variant (see matrix-world.ts), what the server must do: a status, and for a redirect
 * where it leads.
 */
export const ROLES = ['anon', 'employee', 'manager', 'hr', 'admin', 'executive'] as const;
export type Role = (typeof ROLES)[number];
export type SignedInRole = Exclude<Role, 'anon'>;

export type Outcome = {
	status: number;
	/** for a redirect: the path it leads to; a trailing `/` accepts any path below it */
	to?: string;
	/** text the response must contain (to tell an out-of-scope 400 from a validation 400) */
	text?: string;
};
export type Rule = (role: Role, variant: string) => Outcome | undefined;
type Spec = number | Outcome | Rule;

const as = (s: Spec): Rule => (typeof s === 'function' ? s : () => (typeof s === 'number' ? { status: s } : s));

/** Sent to the login page, from any page, action or endpoint in the signed-in area. */
export const LOGIN: Outcome = { status: 303, to: '/login' };

/** Where each role lands after signing in (homeSection in src/lib/domain/access.ts). */
export const HOME: Record<SignedInRole, string> = {
	employee: '/mypage',
	manager: '/manager',
	hr: '/hr',
	admin: '/admin',
	executive: '/dashboard'
};

export const redirectTo = (to: string): Outcome => ({ status: 303, to });

/** The same for everyone, signed in or not. */
export const anyone = (s: Spec): Rule => as(s);

/** Signed-out visitors to the login page; every signed-in role gets `s`. */
export const signedIn =
	(s: Spec = 200): Rule =>
	(role, v) =>
		role === 'anon' ? LOGIN : as(s)(role, v);

/** Only the listed roles get `s`; other signed-in roles 403, signed-out visitors the login page. */
export const only = (roles: SignedInRole[], s: Spec = 200): Rule =>
	signedIn((role, v) => (roles.includes(role as SignedInRole) ? as(s)(role, v) : { status: 403 }));

/** By object variant: `{ self: 200, otherOrg: 404 }`. A variant missing here fails the matrix. */
export const byVariant =
	(outcomes: Record<string, Spec>): Rule =>
	(role, v) =>
		v in outcomes ? as(outcomes[v])(role, v) : undefined;

/** `s` for the variants a role may reach, else `deny` (404: out of scope, nothing revealed). */
export const within =
	(scope: Partial<Record<Role, readonly string[]>>, s: Spec = 200, deny = 404): Rule =>
	(role, v) =>
		scope[role]?.includes(v) ? as(s)(role, v) : { status: deny };

/**
 * Who sees whom (canSeePerson): themself; a 課長 their 課; HR, admin and executives their
 * organisation. `privileged` is the system administrator's account (for admin, their own).
 */
export const SEES_PERSON: Partial<Record<Role, readonly string[]>> = {
	employee: ['self'],
	manager: ['self', 'shimin'],
	hr: ['self', 'shimin', 'zeimu', 'privileged'],
	admin: ['self', 'shimin', 'zeimu', 'privileged'],
	executive: ['self', 'shimin', 'zeimu', 'privileged']
};

/** Whose training one manages (canManageTrainingOf): a 課長 their 課's staff, HR and admin anyone else in the organisation. */
export const MANAGES_PERSON: Partial<Record<Role, readonly string[]>> = {
	manager: ['shimin'],
	hr: ['shimin', 'zeimu', 'privileged'],
	admin: ['shimin', 'zeimu']
};

/** Acting on a person's training: `s` where managed, 403 where only visible, 404 where not even visible. */
export const managesPerson = (s: Spec): Rule =>
	signedIn((role, v) =>
		MANAGES_PERSON[role]?.includes(v) ? as(s)(role, v) : { status: SEES_PERSON[role]?.includes(v) ? 403 : 404 }
	);
