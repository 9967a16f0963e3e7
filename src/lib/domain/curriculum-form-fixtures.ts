/** The choices and form fields the curriculum form tests build their cases from. */

import { type Choices } from './curriculum-form.ts';

export const choices: Choices = {
	modules: ['security-policy', 'onboarding'],
	jobGrades: ['課長', '主事'],
	unitIds: ['u1', 'u2'],
	employmentTypes: ['regular', 'part_time_fy']
};

export function fields(entries: [string, string][]) {
	return (key: string) => entries.filter(([k]) => k === key).map(([, v]) => v);
}
