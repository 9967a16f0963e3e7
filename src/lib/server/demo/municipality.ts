import { GIVEN_NAMES, SURNAMES } from './names.ts';
import type { EmploymentType } from '../../domain/labels.ts';
import type { Role } from '../../domain/access.ts';
import { DEPARTMENTS, TEAMS } from './municipality-units.ts';

/** The fictional みらい市: a plain, deterministic description that seed.ts writes. */

export type DemoUnit = {
	code: string;
	name: string;
	kana: string;
	kind: 'department' | 'section' | 'team';
	parent?: string;
};
export type DemoPerson = {
	employeeNo: string;
	name: string;
	kana: string;
	jobGrade: string;
	employmentType: EmploymentType;
	hireDate: string;
	unit: string;
	previousUnit?: string;
	tags: string[];
	roles: { role: Role; unit?: string }[];
	email?: string;
};

/** mulberry32: a small seeded PRNG so every demo has the same people. */
function rng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const DEMO_PASSWORD = 'mirai-demo-2026';
/**
 * The demo's HR and admin accounts come with an authenticator already registered, with this
 * published key, so the demo can be tried without a phone: `npm run demo:code` prints the code.
 * (A real installation never has a shared key: each person registers their own app.)
 */
export const DEMO_TOTP_KEY = new TextEncoder().encode('mirai-demo-totp-2026');

export const DEMO_ORG = { code: 'mirai', name: 'みらい市', kana: 'ミライシ' };

/** Fixed accounts printed by `npm run demo`; the rest of the staff are generated. */
export const DEMO_ACCOUNTS = [
	{
		employeeNo: '000001',
		label: 'システム管理者（情報政策課）',
		name: '森 陽子',
		kana: 'モリ ヨウコ',
		jobGrade: '係長',
		unit: '130',
		tags: ['システム運用担当'],
		roles: [{ role: 'admin' }, { role: 'security_officer' }]
	},
	{
		employeeNo: '000002',
		label: '人事・研修担当（人事課）',
		name: '石田 直樹',
		kana: 'イシダ ナオキ',
		jobGrade: '主任',
		unit: '120',
		tags: ['個人情報取扱者'],
		roles: [{ role: 'hr' }]
	},
	{
		employeeNo: '000003',
		label: '所属長（市民課長）',
		name: '藤原 正人',
		kana: 'フジワラ マサト',
		jobGrade: '課長',
		unit: '210',
		tags: [],
		roles: [{ role: 'manager', unit: '210' }]
	},
	{
		employeeNo: '000004',
		label: '職員（市民課 住民記録係）',
		name: '小野 美咲',
		kana: 'オノ ミサキ',
		jobGrade: '主事',
		unit: '211',
		tags: ['窓口', '個人情報取扱者'],
		roles: []
	},
	{
		employeeNo: '000005',
		label: '幹部・閲覧（副市長）',
		name: '宮本 隆',
		kana: 'ミヤモト タカシ',
		jobGrade: '副市長',
		unit: '100',
		tags: [],
		roles: [{ role: 'executive' }]
	},
	{
		employeeNo: '000006',
		label: '初任者（税務課 市民税係）',
		name: '千葉 悠斗',
		kana: 'チバ ユウト',
		jobGrade: '主事補',
		unit: '221',
		tags: ['初任者'],
		roles: []
	}
] as const;

export function buildMunicipality(today: string) {
	const random = rng(20250401);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
	const fy = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0);
	const units: DemoUnit[] = [];
	for (const [code, name, kana, sections] of DEPARTMENTS) {
		units.push({ code, name, kana, kind: 'department' });
		for (const [sCode, sName, sKana] of sections)
			units.push({ code: sCode, name: sName, kana: sKana, kind: 'section', parent: code });
	}
	for (const [code, parent, name, kana] of TEAMS) units.push({ code, name, kana, kind: 'team', parent });

	const people: DemoPerson[] = DEMO_ACCOUNTS.map((a) => ({
		...a,
		tags: [...a.tags],
		roles: a.roles.map((r) => ({ ...r })),
		employmentType: 'regular',
		hireDate: a.tags.includes('初任者' as never) ? `${fy}-04-01` : pick(['2004-04-01', '2011-04-01', '2016-04-01'])
	}));
	const used = new Set(people.map((p) => p.name));
	let serial = 1000;
	const sectionCodes = units.filter((u) => u.kind === 'section').map((u) => u.code);
	const teamsOf = (code: string) => TEAMS.filter((t) => t[1] === code).map((t) => t[0]);
	const sectionTags = new Map(DEPARTMENTS.flatMap(([, , , s]) => s.map(([c, , , tags]) => [c, tags] as const)));

	function newPerson(
		unit: string,
		jobGrade: string,
		employmentType: EmploymentType,
		hireYear: number,
		extra: Partial<DemoPerson> = {}
	): DemoPerson {
		let name: string, kana: string;
		do {
			const [s, sk] = pick(SURNAMES);
			const [g, gk] = pick(GIVEN_NAMES);
			name = `${s} ${g}`;
			kana = `${sk} ${gk}`;
		} while (used.has(name));
		used.add(name);
		serial += 1 + Math.floor(random() * 3);
		const section =
			units.find((u) => u.code === unit)?.parent && !sectionCodes.includes(unit)
				? units.find((u) => u.code === unit)!.parent!
				: unit;
		const hireDate = hireYear >= fy ? pick([`${fy}-04-01`, `${fy}-04-01`, `${fy}-10-01`]) : `${hireYear}-04-01`;
		const tags = [...(sectionTags.get(section) ?? [])];
		if (hireYear >= fy) tags.push('初任者');
		return {
			employeeNo: String(serial).padStart(6, '0'),
			name,
			kana,
			jobGrade,
			employmentType,
			hireDate,
			unit,
			tags,
			roles: [],
			...extra
		};
	}

	for (const [code] of DEPARTMENTS) {
		if (code !== '100') people.push(newPerson(code, '部長', 'regular', 1990 + Math.floor(random() * 5)));
	}
	for (const section of sectionCodes) {
		const teams = teamsOf(section);
		const placeIn = () => (teams.length ? pick(teams) : section);
		if (section !== '210') {
			people.push(
				newPerson(section, '課長', 'regular', 1992 + Math.floor(random() * 8), {
					roles: [{ role: 'manager', unit: section }]
				})
			);
		}
		const size = 13 + Math.floor(random() * 6);
		const grades = ['課長補佐', '係長', '係長', '主任', '主任', '主任'];
		for (let i = 0; i < size; i++) {
			const grade = i < grades.length ? grades[i] : pick(['主事', '主事', '技師', '主事']);
			const year =
				grade === '課長補佐'
					? 1998
					: grade === '係長'
						? 2003 + Math.floor(random() * 6)
						: grade === '主任'
							? 2009 + Math.floor(random() * 6)
							: 2015 + Math.floor(random() * (fy - 2014));
			const p = newPerson(placeIn(), grade, random() < 0.05 ? 'fixed_term' : 'regular', year);
			if (i === 3) p.tags.push('DX推進員');
			if (random() < 0.2 && year < fy) p.previousUnit = pick(sectionCodes.filter((s) => s !== section));
			people.push(p);
		}
		for (let i = 0; i < 2; i++)
			people.push(newPerson(placeIn(), '会計年度任用職員', 'part_time_fy', fy - Math.floor(random() * 3)));
		if (random() < 0.4) people.push(newPerson(section, '主任', 'reappointed', 1986));
	}
	for (const p of people) if (random() < 0.6) p.email = `${p.employeeNo}@city.mirai.example.jp`;
	return { org: DEMO_ORG, units, people, fiscalYear: fy };
}
