/** Display labels for codes stored in the database, resolved in the reader's locale when read. */
import * as m from '../paraglide/messages.js';

/** Each label is a getter, so it is translated when shown (the locale is per request), never at import. */
export const EMPLOYMENT_TYPES = {
	get regular() {
		return m.label_employment_regular();
	},
	get fixed_term() {
		return m.label_employment_fixed_term();
	},
	get reappointed() {
		return m.label_employment_reappointed();
	},
	get part_time_fy() {
		return m.label_employment_part_time_fy();
	}
};

export type EmploymentType = keyof typeof EMPLOYMENT_TYPES;

/**
 * 職階 from the top; municipalities may add their own, which sort after these. These are data
 * values (stored on each person and in curriculum criteria): show them with `jobGradeLabel`.
 */
export const JOB_GRADES = [
	'部長',
	'次長',
	'課長',
	'課長補佐',
	'係長',
	'主任',
	'主事',
	'技師',
	'主事補',
	'会計年度任用職員'
] as const;

const JOB_GRADE_LABELS: Record<(typeof JOB_GRADES)[number], () => string> = {
	部長: m.label_grade_bucho,
	次長: m.label_grade_jicho,
	課長: m.label_grade_kacho,
	課長補佐: m.label_grade_kacho_hosa,
	係長: m.label_grade_kakaricho,
	主任: m.label_grade_shunin,
	主事: m.label_grade_shuji,
	技師: m.label_grade_gishi,
	主事補: m.label_grade_shujiho,
	会計年度任用職員: m.label_grade_kaikei_nendo
};

/** A 職階 in the reader's language; a municipality's own grades are shown as stored. */
export const jobGradeLabel = (grade: string) =>
	Object.hasOwn(JOB_GRADE_LABELS, grade) ? JOB_GRADE_LABELS[grade as (typeof JOB_GRADES)[number]]() : grade;

/** The language of `jobGradeLabel(grade)`: a grade shown as stored is Japanese data. */
export const jobGradeLang = (grade: string) => (Object.hasOwn(JOB_GRADE_LABELS, grade) ? undefined : 'ja');

export const UNIT_KINDS = {
	get department() {
		return m.label_unit_kind_department();
	},
	get section() {
		return m.label_unit_kind_section();
	},
	get team() {
		return m.label_unit_kind_team();
	}
};

export const employmentLabel = (code: string) =>
	Object.hasOwn(EMPLOYMENT_TYPES, code) ? EMPLOYMENT_TYPES[code as EmploymentType] : code;
