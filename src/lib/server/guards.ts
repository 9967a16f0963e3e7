import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import {
	canEnterSection,
	canIssuePasswordFor,
	canManageTrainingOf,
	canSeePerson,
	canSeeUnit,
	type Section
} from '#lib/domain/access.ts';
import { toJstDate } from '#lib/domain/japanese-date.ts';
import { db } from './db/index.ts';
import { getUnit } from './org.ts';
import { getPerson, listGrants, listPersonUnits } from './people.ts';
import type { AuthUser } from './auth/session.ts';
import { loginHref } from '#lib/routes.ts';
import * as m from '../paraglide/messages.js';

/** Every load and action in the signed-in area starts here, not only the layout. */
export function requireUser(): AuthUser {
	const { locals, url } = getRequestEvent();
	if (!locals.user) redirect(303, loginHref(url.pathname + url.search));
	return locals.user;
}

export function requireSection(section: Section): AuthUser {
	const user = requireUser();
	if (!canEnterSection(user, section)) error(403, m.guard_no_permission_page());
	return user;
}

/** A unit the viewer may see, else 404 (no hint that it exists). */
export async function requireVisibleUnit(user: AuthUser, unitId: string) {
	const unit = await getUnit(db, unitId);
	if (!unit || !canSeeUnit(user, unit.orgId, unit.path)) error(404, m.guard_unit_not_found());
	return unit;
}

/** A person the viewer may see (themself, their 課's staff, or anyone for HR), else 404. */
export async function requireVisiblePerson(user: AuthUser, personId: string) {
	const person = await getPerson(db, personId);
	const units = person ? await listPersonUnits(db, person.id, toJstDate(new Date())) : [];
	const target = person && { id: person.id, orgId: person.orgId, unitPaths: units.map((u) => u.path) };
	if (!person || !target || !canSeePerson(user, target)) error(404, m.guard_person_not_found());
	return { person, units };
}

/** A person whose training the viewer manages (their 課's staff for a 課長, anyone for HR), else 404/403. */
export async function requireManagedPerson(personId: string) {
	const user = requireUser();
	const { person, units } = await requireVisiblePerson(user, personId);
	if (!canManageTrainingOf(user, { id: person.id, orgId: person.orgId, unitPaths: units.map((u) => u.path) }))
		error(403, m.guard_no_permission_training());
	return { user, person };
}

/** A person the viewer may issue an initial password to (never an administrator's account for HR), else 404/403. */
export async function requirePasswordIssuer(personId: string) {
	const user = requireSection('hr');
	const { person } = await requireVisiblePerson(user, personId);
	if (person.id === user.id) return { user, person, self: true };
	const roles = (await listGrants(db, person.id)).map((g) => g.role);
	if (!canIssuePasswordFor(user, { id: person.id, orgId: person.orgId, roles }))
		error(403, m.guard_initial_password_admin_only());
	return { user, person, self: false };
}
