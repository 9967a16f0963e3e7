/**
 * The curriculum editor's form: what HR submits, read into a draft and checked. Pure, so the
 * rules (and every Japanese message) are tested without a server. The draft is returned on
 * failure too, so the form is shown again exactly as HR left it.
 */
import { formatWareki, isIsoDate, type IsoDate } from './japanese-date.ts';
import type { DueRule, Recurrence, RuleCriteria } from './assignment.ts';
import * as m from '../paraglide/messages.js';
import { jobGradeLabel } from './labels.ts';

export type DueKind = DueRule['kind'];
export const DUE_KINDS: readonly DueKind[] = ['fiscal_year_end', 'fixed', 'after_hire', 'after_transfer'];
export const RECURRENCES: readonly Recurrence[] = ['every_fiscal_year', 'on_new_version', 'once'];

/** Getters: each label is translated when read, in the reader's locale. */
export const DUE_KIND_LABELS: Record<DueKind, string> = {
	get fiscal_year_end() {
		return m.label_due_kind_fiscal_year_end();
	},
	get fixed() {
		return m.label_due_kind_fixed();
	},
	get after_hire() {
		return m.label_due_kind_after_hire();
	},
	get after_transfer() {
		return m.label_due_kind_after_transfer();
	}
};

export const RECURRENCE_LABELS: Record<Recurrence, string> = {
	get every_fiscal_year() {
		return m.label_recurrence_every_fiscal_year();
	},
	get on_new_version() {
		return m.label_recurrence_on_new_version();
	},
	get once() {
		return m.label_recurrence_once();
	}
};

export type ItemDraft = {
	moduleSlug: string;
	mandatory: boolean;
	dueKind: DueKind;
	/** days for after_hire / after_transfer, as typed */
	dueDays: string;
	/** date for fixed, as typed */
	dueDate: string;
	recurrence: Recurrence;
};

export type CurriculumDraft = {
	name: string;
	active: boolean;
	jobGrades: string[];
	/** duty tags as typed: separated by commas, 、 or spaces */
	tags: string;
	unitIds: string[];
	employmentTypes: string[];
	/** as typed; empty means no limit */
	hiredWithinDays: string;
	items: ItemDraft[];
};

export type CurriculumValue = {
	name: string;
	active: boolean;
	criteria: {
		jobGrades?: string[];
		tagsAny?: string[];
		unitIds?: string[];
		employmentTypes?: string[];
		hiredWithinDays?: number;
	};
	items: { moduleSlug: string; mandatory: boolean; due: DueRule; recurrence: Recurrence }[];
};

export type Choices = {
	modules: readonly string[];
	jobGrades: readonly string[];
	unitIds: readonly string[];
	employmentTypes: readonly string[];
};

export type CurriculumParse =
	| { ok: true; value: CurriculumValue; draft: CurriculumDraft }
	| { ok: false; message: string; fieldErrors: Record<string, string>; draft: CurriculumDraft };

/** Form fields as `getAll` returns them (strings only). */
export type FormFields = (key: string) => string[];

const CONTROL = /[\u0000-\u001f\u007f]/;
const one = (f: FormFields, key: string) => (f(key)[0] ?? '').trim();
const pick = <T extends string>(value: string, allowed: readonly T[], fallback: T): T =>
	(allowed as readonly string[]).includes(value) ? (value as T) : fallback;

export const splitTags = (s: string) => [
	...new Set(
		s
			.normalize('NFKC')
			.split(/[,、，\s]+/)
			.map((t) => t.trim())
			.filter(Boolean)
	)
];

/** Reads the fields into a draft, keeping what was typed even where it is wrong. */
export function draftFromFields(f: FormFields, choices: Choices): CurriculumDraft {
	return {
		name: one(f, 'name'),
		active: f('active').includes('on'),
		jobGrades: f('jobGrades'),
		tags: one(f, 'tags'),
		unitIds: f('unitIds'),
		employmentTypes: f('employmentTypes'),
		hiredWithinDays: one(f, 'hiredWithinDays').normalize('NFKC'),
		items: choices.modules
			.filter((slug) => f(`include:${slug}`).includes('on'))
			.map((slug) => ({
				moduleSlug: slug,
				mandatory: one(f, `mandatory:${slug}`) !== 'no',
				dueKind: pick(one(f, `dueKind:${slug}`), DUE_KINDS, 'fiscal_year_end'),
				dueDays: one(f, `dueDays:${slug}`).normalize('NFKC'),
				dueDate: one(f, `dueDate:${slug}`),
				recurrence: pick(one(f, `recurrence:${slug}`), RECURRENCES, 'every_fiscal_year')
			}))
	};
}

function wholeDays(s: string, min: number, max: number): number | null {
	if (!/^\d{1,5}$/.test(s)) return null;
	const n = Number(s);
	return n >= min && n <= max ? n : null;
}

/** Checks a draft against the choices the server offered; every problem gets a field message. */
export function validateDraft(d: CurriculumDraft, choices: Choices, today?: IsoDate): CurriculumParse {
	const errors: Record<string, string> = {};
	if (!d.name) errors.name = m.curriculum_err_name_required();
	else if (d.name.length > 100) errors.name = m.form_err_name_too_long();
	else if (CONTROL.test(d.name)) errors.name = m.form_err_name_control_chars();

	const unknown = (list: string[], allowed: readonly string[]) => list.some((x) => !allowed.includes(x));
	if (unknown(d.jobGrades, choices.jobGrades)) errors.jobGrades = m.curriculum_err_unknown_grade();
	if (unknown(d.unitIds, choices.unitIds)) errors.unitIds = m.curriculum_err_unknown_unit();
	if (unknown(d.employmentTypes, choices.employmentTypes))
		errors.employmentTypes = m.curriculum_err_unknown_employment();

	const tags = splitTags(d.tags);
	if (CONTROL.test(d.tags)) errors.tags = m.curriculum_err_tags_control_chars();
	else if (tags.some((t) => t.length > 30)) errors.tags = m.curriculum_err_tag_too_long();
	else if (tags.length > 20) errors.tags = m.curriculum_err_too_many_tags();

	let hiredWithinDays: number | undefined;
	if (d.hiredWithinDays) {
		const n = wholeDays(d.hiredWithinDays, 1, 3650);
		if (n === null) errors.hiredWithinDays = m.curriculum_err_hired_within();
		else hiredWithinDays = n;
	}

	if (d.items.length === 0) errors.items = m.curriculum_err_no_items();
	const items: CurriculumValue['items'] = [];
	for (const i of d.items) {
		let due: DueRule | null = null;
		if (i.dueKind === 'fiscal_year_end') due = { kind: 'fiscal_year_end' };
		else if (i.dueKind === 'fixed') {
			if (!isIsoDate(i.dueDate)) errors[`dueDate:${i.moduleSlug}`] = m.curriculum_err_due_date_invalid();
			else if (today && i.dueDate < today) errors[`dueDate:${i.moduleSlug}`] = m.curriculum_err_due_date_past();
			else due = { kind: 'fixed', date: i.dueDate as IsoDate };
		} else {
			const n = wholeDays(i.dueDays, 1, 730);
			if (n === null) errors[`dueDays:${i.moduleSlug}`] = m.curriculum_err_due_days();
			else due = { kind: i.dueKind, days: n };
		}
		if (due) items.push({ moduleSlug: i.moduleSlug, mandatory: i.mandatory, due, recurrence: i.recurrence });
	}

	if (Object.keys(errors).length > 0)
		return { ok: false, message: m.form_err_check_input(), fieldErrors: errors, draft: d };
	const criteria: CurriculumValue['criteria'] = {};
	if (d.jobGrades.length) criteria.jobGrades = [...new Set(d.jobGrades)];
	if (tags.length) criteria.tagsAny = tags;
	if (d.unitIds.length) criteria.unitIds = [...new Set(d.unitIds)];
	if (d.employmentTypes.length) criteria.employmentTypes = [...new Set(d.employmentTypes)];
	if (hiredWithinDays !== undefined) criteria.hiredWithinDays = hiredWithinDays;
	return { ok: true, value: { name: d.name, active: d.active, criteria, items }, draft: d };
}

/** The draft that shows a stored curriculum in the form. */
export function draftOf(c: {
	name: string;
	active: boolean;
	criteria: {
		jobGrades?: readonly string[];
		tagsAny?: readonly string[];
		employmentTypes?: readonly string[];
		hiredWithinDays?: number;
	};
	unitIds: string[];
	items: { moduleSlug: string; mandatory: boolean; due: DueRule; recurrence: Recurrence }[];
}): CurriculumDraft {
	return {
		name: c.name,
		active: c.active,
		jobGrades: [...(c.criteria.jobGrades ?? [])],
		tags: (c.criteria.tagsAny ?? []).join('、'),
		unitIds: c.unitIds,
		employmentTypes: [...(c.criteria.employmentTypes ?? [])],
		hiredWithinDays: c.criteria.hiredWithinDays === undefined ? '' : String(c.criteria.hiredWithinDays),
		items: c.items.map((i) => ({
			moduleSlug: i.moduleSlug,
			mandatory: i.mandatory,
			dueKind: i.due.kind,
			dueDays: 'days' in i.due ? String(i.due.days) : '',
			dueDate: i.due.kind === 'fixed' ? i.due.date : '',
			recurrence: i.recurrence
		}))
	};
}

/** One line that says whom a curriculum covers, for lists and the audit view. */
export function describeCriteria(
	c: Omit<RuleCriteria, 'unitPaths'> & { unitNames?: readonly string[] },
	employmentLabel: (code: string) => string
): string {
	const parts: string[] = [];
	const list = (xs: readonly string[]) => xs.join(m.curriculum_desc_list_sep());
	if (c.unitNames?.length) parts.push(m.curriculum_desc_units({ list: list(c.unitNames) }));
	if (c.jobGrades?.length) parts.push(m.curriculum_desc_grades({ list: list(c.jobGrades.map(jobGradeLabel)) }));
	if (c.tagsAny?.length) parts.push(m.curriculum_desc_tags({ list: list(c.tagsAny) }));
	if (c.employmentTypes?.length)
		parts.push(m.curriculum_desc_employment({ list: list(c.employmentTypes.map(employmentLabel)) }));
	if (c.hiredWithinDays !== undefined) parts.push(m.curriculum_desc_hired_within({ days: c.hiredWithinDays }));
	return parts.length ? parts.join(m.curriculum_desc_sep()) : m.curriculum_desc_everyone();
}

export function describeDue(due: DueRule): string {
	switch (due.kind) {
		case 'fiscal_year_end':
			return m.curriculum_due_fiscal_year_end();
		case 'fixed':
			return formatWareki(due.date);
		case 'after_hire':
			return m.curriculum_due_after_hire({ days: due.days });
		case 'after_transfer':
			return m.curriculum_due_after_transfer({ days: due.days });
	}
}
