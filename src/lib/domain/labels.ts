/** Display labels for codes stored in the database. */

export const EMPLOYMENT_TYPES = {
	regular: '正規職員',
	fixed_term: '任期付職員',
	reappointed: '再任用職員',
	part_time_fy: '会計年度任用職員'
} as const;

export type EmploymentType = keyof typeof EMPLOYMENT_TYPES;

/** 職階 from the top; municipalities may add their own, which sort after these. */
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

export const UNIT_KINDS = { department: '部', section: '課', team: '係' } as const;

export const employmentLabel = (code: string) =>
	EMPLOYMENT_TYPES[code as EmploymentType] ?? code;
