import * as m from '../paraglide/messages.js';

/** Message functions, called when a label is shown (the locale is per request). */
const LABELS: Record<string, () => string> = {
	'auth.sign_in': m.audit_action_auth_sign_in,
	'auth.sign_in_failed': m.audit_action_auth_sign_in_failed,
	'auth.sign_in_blocked': m.audit_action_auth_sign_in_blocked,
	'auth.sign_out': m.audit_action_auth_sign_out,
	'auth.password_changed': m.audit_action_auth_password_changed,
	'auth.password_verified': m.audit_action_auth_password_verified,
	'auth.two_factor_verified': m.audit_action_auth_two_factor_verified,
	'auth.two_factor_recovery_used': m.audit_action_auth_two_factor_recovery_used,
	'auth.two_factor_failed': m.audit_action_auth_two_factor_failed,
	'auth.two_factor_enrolled': m.audit_action_auth_two_factor_enrolled,
	'auth.two_factor_removed': m.audit_action_auth_two_factor_removed,
	'auth.recovery_codes_renewed': m.audit_action_auth_recovery_codes_renewed,
	'role.granted': m.audit_action_role_granted,
	'role.revoked': m.audit_action_role_revoked,
	'audit.exported': m.audit_action_audit_exported,
	'units.imported': m.audit_action_units_imported,
	'person.initial_password_issued': m.audit_action_person_initial_password_issued,
	'person.initial_passwords_bulk': m.audit_action_person_initial_passwords_bulk,
	'admin.created': m.audit_action_admin_created,
	'demo.seeded': m.audit_action_demo_seeded,
	'staff.import': m.audit_action_staff_import,
	'assignment.manual': m.audit_action_assignment_manual,
	'curriculum.created': m.audit_action_curriculum_created,
	'curriculum.updated': m.audit_action_curriculum_updated,
	'notice.reminder': m.audit_action_notice_reminder,
	'target.created': m.audit_action_target_created,
	'export.downloaded': m.audit_action_export_downloaded,
	'target.deleted': m.audit_action_target_deleted,
	'fiscal_year.closed': m.audit_action_fiscal_year_closed,
	'certificate.verified': m.audit_action_certificate_verified,
	'training.recorded': m.audit_action_training_recorded,
	'training.imported': m.audit_action_training_imported,
	'exemption.recorded': m.audit_action_exemption_recorded,
	'staff.import_undone': m.audit_action_staff_import_undone
};

export const auditLabel = (action: string) => (Object.hasOwn(LABELS, action) ? LABELS[action]() : action);

/** Every action the app records, in the order above (for the audit log's search form). */
export const AUDIT_ACTIONS = Object.keys(LABELS);
