/** Rules for granting and revoking roles (pure; the server applies them). */
import type { Role } from './access.ts';
import * as m from '../paraglide/messages.js';

export const GRANTABLE_ROLES: readonly Role[] = ['manager', 'hr', 'admin', 'executive', 'security_officer'];

export type GrantInput = { role: string; unit: { kind: 'department' | 'section' | 'team' } | null; unitGiven: boolean };

/** Field errors for a new grant: a 課長's grant names the 部 or 課 they lead; no other role has one. */
export function grantProblems(input: GrantInput): Record<string, string> {
	if (!GRANTABLE_ROLES.includes(input.role as Role)) return { role: m.role_err_choose_role() };
	if (input.role === 'manager') {
		if (!input.unitGiven) return { unitCode: m.role_err_unit_required() };
		if (!input.unit) return { unitCode: m.role_err_unit_not_found() };
		if (input.unit.kind === 'team') return { unitCode: m.role_err_team_not_allowed() };
		return {};
	}
	return input.unitGiven ? { unitCode: m.role_err_unit_only_for_manager() } : {};
}

/** The organisation must keep at least one active administrator, or nobody could manage roles. */
export function revokeProblem(grants: { id: string; role: Role; active: boolean }[], grantId: string): string | null {
	const target = grants.find((g) => g.id === grantId);
	if (!target) return m.role_err_grant_not_found();
	if (target.role === 'admin' && grants.filter((g) => g.role === 'admin' && g.active).length <= 1)
		return m.role_err_last_admin();
	return null;
}
