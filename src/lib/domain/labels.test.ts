import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime.js';
import { ROLE_LABELS } from './access.ts';
import { ASSIGNMENT_STATUS_LABELS } from './assignment.ts';
import { AUDIT_ACTIONS, auditLabel } from './audit-labels.ts';
import { describeCriteria, describeDue, RECURRENCE_LABELS } from './curriculum-form.ts';
import { EMPLOYMENT_TYPES, employmentLabel, jobGradeLabel, JOB_GRADES, UNIT_KINDS } from './labels.ts';
import { LEARNING_STATUS_LABELS } from './learning-status.ts';

const base = getLocale;
afterEach(() => overwriteGetLocale(base));
const inEnglish = () => overwriteGetLocale(() => 'en');

describe('labels follow the reader’s locale when they are read', () => {
	it('are Japanese by default (the base locale)', () => {
		expect(employmentLabel('part_time_fy')).toBe('会計年度任用職員');
		expect(ROLE_LABELS.manager).toBe('所属長（課長）');
		expect(ASSIGNMENT_STATUS_LABELS.overdue).toBe('期限切れ');
		expect(auditLabel('staff.import')).toBe('職員名簿の取り込み');
	});

	it('are English for an English reader, with the same module loaded once', () => {
		inEnglish();
		expect(employmentLabel('part_time_fy')).toBe('Fixed-term (kaikei nendo) staff');
		expect(Object.entries(EMPLOYMENT_TYPES).map(([code, label]) => [code, label])[0]).toEqual([
			'regular',
			'Regular staff'
		]);
		expect(UNIT_KINDS.section).toBe('Section');
		expect(ROLE_LABELS.manager).toBe('Unit head (section manager)');
		expect(ASSIGNMENT_STATUS_LABELS.overdue).toBe('Overdue');
		expect(LEARNING_STATUS_LABELS.failed).toBe('Not passed (you can retake the quiz)');
		expect(RECURRENCE_LABELS.once).toBe('Once only');
		expect(auditLabel('staff.import')).toBe('Staff list imported');
	});

	it('every recorded action has a label in both languages, and unknown codes show as stored', () => {
		for (const a of AUDIT_ACTIONS) expect(auditLabel(a)).not.toBe(a);
		inEnglish();
		for (const a of AUDIT_ACTIONS) expect(auditLabel(a)).toMatch(/^[\x20-\x7e]+$/);
		expect(auditLabel('something.new')).toBe('something.new');
		expect(employmentLabel('toString')).toBe('toString');
	});

	it('job grades are data: the value stays Japanese, the label follows the locale', () => {
		expect(JOB_GRADES[2]).toBe('課長');
		expect(jobGradeLabel('課長')).toBe('課長');
		inEnglish();
		expect(jobGradeLabel('課長')).toBe('Section manager');
		expect(jobGradeLabel('参事')).toBe('参事');
	});

	it('curriculum descriptions are written in the reader’s language', () => {
		const c = { jobGrades: ['主事'], employmentTypes: ['regular'], hiredWithinDays: 30 };
		expect(describeCriteria(c, employmentLabel)).toBe('職階: 主事 ／ 雇用区分: 正規職員 ／ 採用後30日以内');
		expect(describeDue({ kind: 'after_hire', days: 14 })).toBe('採用日から14日後');
		inEnglish();
		expect(describeCriteria(c, employmentLabel)).toBe(
			'Job grades: Officer (shuji) / Employment type: Regular staff / Hired within the last 30 days'
		);
		expect(describeCriteria({}, employmentLabel)).toBe('All staff');
		expect(describeDue({ kind: 'after_hire', days: 14 })).toBe('14 days after the hire date');
	});
});
