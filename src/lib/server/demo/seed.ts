import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
	curriculum,
	curriculumItem,
	organisation,
	orgUnit,
	person,
	personTag,
	roleGrant,
	twoFactor,
	unitMembership
} from '../db/schema.ts';
import { requiresTwoFactor } from '../../domain/two-factor.ts';
import { hashPassword } from '../auth/password.ts';
import { generateId } from '../auth/token.ts';
import { recordAudit } from '../audit.ts';
import { buildMunicipality, DEMO_ORG, DEMO_PASSWORD, DEMO_TOTP_KEY } from './municipality.ts';
import { addDays, fiscalYearOf } from '../../domain/japanese-date.ts';
import { createTarget, planTargets } from '../targets.ts';

/** The curricula of the examples, drawn from the seed DX plans. */
const DEMO_CURRICULA = [
	{
		name: '全職員 情報セキュリティ（毎年度）',
		criteria: {},
		items: [
			{
				moduleSlug: 'security-policy',
				mandatory: true,
				due: { kind: 'fiscal_year_end' } as const,
				recurrence: 'every_fiscal_year' as const
			},
			{
				moduleSlug: 'dx-basics',
				mandatory: false,
				due: { kind: 'fiscal_year_end' } as const,
				recurrence: 'once' as const
			}
		]
	},
	{
		name: '初任者研修（採用後30日以内）',
		criteria: { tagsAny: ['初任者'] },
		items: [
			{
				moduleSlug: 'onboarding',
				mandatory: true,
				due: { kind: 'after_hire', days: 30 } as const,
				recurrence: 'once' as const
			}
		]
	},
	{
		name: '管理職 DXマネジメント',
		criteria: { jobGrades: ['部長', '課長'] },
		items: [
			{
				moduleSlug: 'dx-management',
				mandatory: true,
				due: { kind: 'fiscal_year_end' } as const,
				recurrence: 'on_new_version' as const
			}
		]
	},
	{
		name: '個人情報取扱者（毎年度）',
		criteria: { tagsAny: ['個人情報取扱者'] },
		items: [
			{
				moduleSlug: 'personal-information',
				mandatory: true,
				due: { kind: 'fiscal_year_end' } as const,
				recurrence: 'every_fiscal_year' as const
			}
		]
	}
];

export type SeedResult = { created: boolean; people: number; units: number };

const CHUNK = 200;
async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Writes みらい市 once; a second run finds it and changes nothing. */
export async function seedDemo(db: Db, today: string): Promise<SeedResult> {
	const [existing] = await db.select().from(organisation).where(eq(organisation.code, DEMO_ORG.code));
	if (existing) return { created: false, people: 0, units: 0 };

	const m = buildMunicipality(today);
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const orgId = `org-${DEMO_ORG.code}`;
	const unitId = (code: string) => `${orgId}-u${code}`;
	const paths = new Map<string, string>();
	for (const u of m.units) paths.set(u.code, `${u.parent ? paths.get(u.parent) : '/'}${unitId(u.code)}/`);

	const people = m.people.map((p) => ({ ...p, id: generateId() }));
	const startOfYear = `${m.fiscalYear}-04-01`;
	const memberships = people.flatMap((p) => {
		const moved = p.previousUnit && p.hireDate < startOfYear;
		const current = {
			id: generateId(),
			orgId,
			personId: p.id,
			unitId: unitId(p.unit),
			startDate: moved ? startOfYear : p.hireDate,
			endDate: null
		};
		if (!moved) return [current];
		return [
			{
				id: generateId(),
				orgId,
				personId: p.id,
				unitId: unitId(p.previousUnit!),
				startDate: p.hireDate,
				endDate: addDays(startOfYear, -1)
			},
			current
		];
	});

	await db.transaction(async (tx) => {
		await tx.insert(organisation).values({ id: orgId, ...DEMO_ORG });
		await tx.insert(orgUnit).values(
			m.units.map((u, i) => ({
				id: unitId(u.code),
				orgId,
				parentId: u.parent ? unitId(u.parent) : null,
				code: u.code,
				name: u.name,
				kana: u.kana,
				kind: u.kind,
				path: paths.get(u.code)!,
				sortOrder: i
			}))
		);
		await insertChunks(people, (chunk) =>
			tx.insert(person).values(
				chunk.map((p) => ({
					id: p.id,
					orgId,
					employeeNo: p.employeeNo,
					name: p.name,
					kana: p.kana,
					email: p.email ?? null,
					employmentType: p.employmentType,
					jobGrade: p.jobGrade,
					hireDate: p.hireDate,
					passwordHash,
					mustChangePassword: false
				}))
			)
		);
		await insertChunks(memberships, (chunk) => tx.insert(unitMembership).values(chunk));
		const tags = people.flatMap((p) => [...new Set(p.tags)].map((tag) => ({ personId: p.id, tag })));
		await insertChunks(tags, (chunk) => tx.insert(personTag).values(chunk));
		const grants = people.flatMap((p) =>
			p.roles.map((r) => ({
				id: generateId(),
				orgId,
				personId: p.id,
				role: r.role,
				unitId: r.unit ? unitId(r.unit) : null
			}))
		);
		await tx.insert(roleGrant).values(grants);
		const needsFactor = people.filter((p) =>
			requiresTwoFactor(p.roles.map((r) => ({ role: r.role, unitId: null, unitPath: null })))
		);
		await tx.insert(twoFactor).values(needsFactor.map((p) => ({ personId: p.id, secret: Buffer.from(DEMO_TOTP_KEY) })));
		for (const c of DEMO_CURRICULA) {
			const id = generateId();
			await tx.insert(curriculum).values({ id, orgId, name: c.name, criteria: c.criteria, createdAt: new Date() });
			await tx.insert(curriculumItem).values(c.items.map((i) => ({ id: generateId(), curriculumId: id, ...i })));
		}
	});
	for (const t of planTargets(fiscalYearOf(today))) await createTarget(db, { id: null, orgId }, t, null);
	await recordAudit(db, {
		orgId,
		actorId: null,
		action: 'demo.seeded',
		after: { people: people.length, units: m.units.length }
	});
	return { created: true, people: people.length, units: m.units.length };
}
