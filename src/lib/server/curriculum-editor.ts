import { asc, eq } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import { error, fail, redirect } from '@sveltejs/kit';
import { db } from './db/index.ts';
import { person, personTag } from './db/schema.ts';
import { listUnits } from './org.ts';
import { listModules } from './content/catalog.ts';
import { jobs } from './jobs/index.ts';
import { getCurriculum, saveCurriculum, storedCriteria } from './curricula.ts';
import { depthOf, unitIdOfPath } from '../domain/unit-path.ts';
import { readForm } from './forms.ts';
import { draftOf, draftFromFields, validateDraft, type Choices } from '../domain/curriculum-form.ts';
import { EMPLOYMENT_TYPES, JOB_GRADES } from '../domain/labels.ts';
import { toJstDate } from '../domain/japanese-date.ts';
import * as m from '../paraglide/messages.js';

/** What the editor offers: modules, 職階 (the standard ones and any the roster uses), units, tags. */
export async function editorChoices(orgId: string) {
	const [units, grades, tags] = await Promise.all([
		listUnits(db, orgId),
		db.selectDistinct({ g: person.jobGrade }).from(person).where(eq(person.orgId, orgId)),
		db
			.selectDistinct({ t: personTag.tag })
			.from(personTag)
			.innerJoin(person, eq(person.id, personTag.personId))
			.where(eq(person.orgId, orgId))
			.orderBy(asc(personTag.tag))
	]);
	const extraGrades = grades
		.map((g) => g.g)
		.filter((g) => !(JOB_GRADES as readonly string[]).includes(g))
		.sort();
	return {
		modules: listModules().map((x) => ({ slug: x.slug, title: x.title })),
		jobGrades: [...JOB_GRADES, ...extraGrades],
		units: units.map((u) => ({
			id: u.id,
			name: u.name,
			depth: depthOf(u.path),
			path: u.path
		})),
		employmentTypes: Object.entries(EMPLOYMENT_TYPES).map(([code, label]) => ({ code, label })),
		knownTags: tags.map((t) => t.t)
	};
}

type EditorChoices = Awaited<ReturnType<typeof editorChoices>>;

const choiceLists = (c: EditorChoices): Choices => ({
	modules: c.modules.map((x) => x.slug),
	jobGrades: c.jobGrades,
	unitIds: c.units.map((u) => u.id),
	employmentTypes: c.employmentTypes.map((e) => e.code)
});

/** The stored curriculum as the form shows it; 404 for an id of another organisation. */
export async function loadForEdit(orgId: string, id: string) {
	const c = await getCurriculum(db, orgId, id);
	if (!c) error(404, m.err_curriculum_not_found());
	return draftOf({ ...c, unitIds: (c.criteria.unitPaths ?? []).map(unitIdOfPath) });
}

/** The editor's checkbox groups and multiple select: the only fields that come more than once. */
const MULTI_FIELDS = ['jobGrades', 'unitIds', 'employmentTypes'];

/**
 * Validates, saves with its audit event and returns to the list; assignments are re-evaluated
 * by a background job (17 s at 30,000 staff the first time), whose progress the list links to.
 */
export async function saveFromForm(event: RequestEvent, actor: { id: string; orgId: string }, id: string | null) {
	const read = await readForm(event.request, (key) => MULTI_FIELDS.includes(key));
	if (!read.ok) return fail(400, { message: read.message, fieldErrors: {}, draft: null });
	const form = read.form;
	const choices = await editorChoices(actor.orgId);
	const fieldsOf = (key: string) => form.getAll(key).filter((v): v is string => typeof v === 'string');
	const parsed = validateDraft(
		draftFromFields(fieldsOf, choiceLists(choices)),
		choiceLists(choices),
		toJstDate(new Date())
	);
	if (!parsed.ok) return fail(400, { message: parsed.message, fieldErrors: parsed.fieldErrors, draft: parsed.draft });
	const paths = new Map(choices.units.map((u) => [u.id, u.path]));
	const { name, active, criteria, items } = parsed.value;
	const saved = await saveCurriculum(
		db,
		actor,
		id,
		{ name, active, items, criteria: storedCriteria(criteria, (u) => paths.get(u)) },
		event.getClientAddress()
	);
	if (!saved) error(404, m.err_curriculum_not_found());
	const job = await jobs.submit({
		orgId: actor.orgId,
		createdBy: actor.id,
		kind: 'assignment_refresh',
		params: { after: 'curricula' },
		reuse: ['queued']
	});
	redirect(303, `/hr/curricula?saved=${saved}&job=${job.id}`);
}
