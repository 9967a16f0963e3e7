const LABELS: Record<string, string> = {
	'auth.sign_in': 'ログイン',
	'auth.sign_in_failed': 'ログイン失敗',
	'auth.sign_in_blocked': 'ログイン拒否（試行回数の制限）',
	'auth.sign_out': 'ログアウト',
	'auth.password_changed': 'パスワード変更',
	'auth.password_verified': 'ログイン（パスワード確認済み、確認コード待ち）',
	'auth.two_factor_verified': 'ログイン（確認コード）',
	'auth.two_factor_recovery_used': 'ログイン（リカバリーコード使用）',
	'auth.two_factor_failed': '確認コードの誤り',
	'auth.two_factor_enrolled': '二要素認証の登録',
	'auth.two_factor_removed': '二要素認証の解除',
	'auth.recovery_codes_renewed': 'リカバリーコードの再発行',
	'role.granted': '権限の付与',
	'role.revoked': '権限の取り消し',
	'audit.exported': '監査ログのエクスポート',
	'units.imported': '組織（部・課・係）の取り込み',
	'person.initial_password_issued': '初期パスワード発行',
	'person.initial_passwords_bulk': '初期パスワードの一括発行',
	'admin.created': '管理者の作成',
	'demo.seeded': 'デモデータの作成',
	'staff.import': '職員名簿の取り込み',
	'assignment.manual': '研修の追加割り当て',
	'curriculum.created': '研修計画の作成',
	'curriculum.updated': '研修計画の変更',
	'notice.reminder': '研修の督促',
	'target.created': '目標の登録',
	'export.downloaded': 'データのエクスポート',
	'target.deleted': '目標の削除',
	'fiscal_year.closed': '年度の締め（証跡の確定）',
	'certificate.verified': '修了証の照合',
	'training.recorded': '集合・外部研修の記録',
	'training.imported': '集合・外部研修の一括記録（CSV）',
	'exemption.recorded': '受講免除の記録',
	'staff.import_undone': '職員名簿の取り込みの取り消し'
};

export const auditLabel = (action: string) => LABELS[action] ?? action;

/** Every action the app records, in the order above (for the audit log's search form). */
export const AUDIT_ACTIONS = Object.keys(LABELS);
