/** Rules for granting and revoking roles (pure; the server applies them). */
import type { Role } from './access';

export const GRANTABLE_ROLES: readonly Role[] = ['manager', 'hr', 'admin', 'executive', 'security_officer'];

export type GrantInput = { role: string; unit: { kind: 'department' | 'section' | 'team' } | null; unitGiven: boolean };

/** Field errors for a new grant: a 課長's grant names the 部 or 課 they lead; no other role has one. */
export function grantProblems(input: GrantInput): Record<string, string> {
	if (!GRANTABLE_ROLES.includes(input.role as Role)) return { role: '権限を一覧から選んでください。' };
	if (input.role === 'manager') {
		if (!input.unitGiven) return { unitCode: '所属長には、担当する部または課の所属コードを入力してください。' };
		if (!input.unit) return { unitCode: 'この所属コードの部・課は見つかりません。' };
		if (input.unit.kind === 'team') return { unitCode: '係は指定できません。担当する部または課の所属コードを入力してください。' };
		return {};
	}
	return input.unitGiven ? { unitCode: '所属コードは所属長（課長）の権限にだけ指定します。空欄にしてください。' } : {};
}

/** The organisation must keep at least one active administrator, or nobody could manage roles. */
export function revokeProblem(grants: { id: string; role: Role; active: boolean }[], grantId: string): string | null {
	const target = grants.find((g) => g.id === grantId);
	if (!target) return '権限が見つかりません。画面を読み込み直してください。';
	if (target.role === 'admin' && grants.filter((g) => g.role === 'admin' && g.active).length <= 1)
		return '最後のシステム管理者の権限は取り消せません。先に別の職員をシステム管理者にしてください。';
	return null;
}
