/** Who may see what. Pure rules; the server applies them on every load and action. */
import * as m from '../paraglide/messages.js';
import { anyInSubtrees, isInSubtree } from './unit-path.ts';

export type Role = 'manager' | 'hr' | 'admin' | 'executive' | 'security_officer';

/** A role as granted; a manager's scope is the subtree under `unitPath` ("/部id/課id/"). */
export type Grant = { role: Role; unitId: string | null; unitPath: string | null };

export type Viewer = { id: string; orgId: string; grants: Grant[] };

/** Getters: each label is translated when read, in the reader's locale. */
export const ROLE_LABELS: Record<Role | 'employee', string> = {
	get employee() {
		return m.label_role_employee();
	},
	get manager() {
		return m.label_role_manager();
	},
	get hr() {
		return m.label_role_hr();
	},
	get admin() {
		return m.label_role_admin();
	},
	get executive() {
		return m.label_role_executive();
	},
	get security_officer() {
		return m.label_role_security_officer();
	}
};

export function hasRole(viewer: Pick<Viewer, 'grants'>, ...roles: Role[]): boolean {
	return viewer.grants.some((g) => roles.includes(g.role));
}

/** Paths under which a viewer's manager grants reach. */
export function managedPaths(viewer: Pick<Viewer, 'grants'>): string[] {
	return viewer.grants.flatMap((g) => (g.role === 'manager' && g.unitPath ? [g.unitPath] : []));
}

/**
 * May the viewer see the people and records of the unit at `unitPath` (in `unitOrgId`)?
 * HR, admin, executives and security officers see their whole organisation; a manager only
 * their own subtree; anyone else nothing. Another organisation is never visible.
 */
export function canSeeUnit(viewer: Viewer, unitOrgId: string, unitPath: string): boolean {
	if (unitOrgId !== viewer.orgId) return false;
	if (hasRole(viewer, 'hr', 'admin', 'executive', 'security_officer')) return true;
	return managedPaths(viewer).some((p) => isInSubtree(unitPath, p));
}

/** A person is visible if any of their current units is; a viewer always sees themself. */
export function canSeePerson(viewer: Viewer, target: { id: string; orgId: string; unitPaths: string[] }): boolean {
	if (target.orgId !== viewer.orgId) return false;
	if (target.id === viewer.id) return true;
	if (hasRole(viewer, 'hr', 'admin', 'executive', 'security_officer')) return true;
	return anyInSubtrees(target.unitPaths, managedPaths(viewer));
}

/** The part of the organisation a viewer's reports cover: null for all of it, else unit subtrees. */
export function reportScope(viewer: Pick<Viewer, 'grants'>): string[] | null {
	return hasRole(viewer, 'hr', 'admin', 'executive', 'security_officer') ? null : managedPaths(viewer);
}

export type Section = 'mypage' | 'manager' | 'hr' | 'admin' | 'dashboard';

const SECTION_ROLES: Record<Exclude<Section, 'mypage'>, Role[]> = {
	manager: ['manager'],
	hr: ['hr', 'admin'],
	admin: ['admin'],
	dashboard: ['executive', 'security_officer', 'hr', 'admin', 'manager']
};

export function canEnterSection(viewer: Pick<Viewer, 'grants'>, section: Section): boolean {
	return section === 'mypage' || hasRole(viewer, ...SECTION_ROLES[section]);
}

/** Where a viewer lands after signing in: their most specific console. */
export function homeSection(viewer: Pick<Viewer, 'grants'>): Section {
	if (hasRole(viewer, 'admin')) return 'admin';
	if (hasRole(viewer, 'hr')) return 'hr';
	if (hasRole(viewer, 'executive', 'security_officer')) return 'dashboard';
	if (hasRole(viewer, 'manager')) return 'manager';
	return 'mypage';
}

export function sectionsFor(viewer: Pick<Viewer, 'grants'>): Section[] {
	return (['mypage', 'manager', 'hr', 'dashboard', 'admin'] as const).filter((s) => canEnterSection(viewer, s));
}

/**
 * May the viewer act on a person's training (record an exemption, assign a module, remind)?
 * HR and admin for anyone in their organisation; a manager for the staff of their subtree;
 * nobody for themself; executives and security officers only read.
 */
export function canManageTrainingOf(
	viewer: Viewer,
	target: { id: string; orgId: string; unitPaths: string[] }
): boolean {
	if (target.orgId !== viewer.orgId || target.id === viewer.id) return false;
	if (hasRole(viewer, 'hr', 'admin')) return true;
	return anyInSubtrees(target.unitPaths, managedPaths(viewer));
}

/** Accounts only an administrator may reset: HR issuing one a password could take it over. */
const ADMINISTRATOR_RESET_ONLY: Role[] = ['admin', 'security_officer'];

/**
 * May the viewer issue an initial password to the target? It replaces the target's password,
 * so whoever reads it can sign in as them. HR and admin, within their organisation, never
 * for themself; an administrator's or security officer's account only an administrator.
 */
export function canIssuePasswordFor(viewer: Viewer, target: { id: string; orgId: string; roles: Role[] }): boolean {
	if (target.orgId !== viewer.orgId || target.id === viewer.id) return false;
	if (hasRole(viewer, 'admin')) return true;
	return hasRole(viewer, 'hr') && !target.roles.some((r) => ADMINISTRATOR_RESET_ONLY.includes(r));
}
