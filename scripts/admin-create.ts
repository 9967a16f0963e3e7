/**
 * `npm run admin:create -- --employee-no 000001 --name "山田 太郎" --kana "ヤマダ タロウ"`
 * Creates the first administrator (and the organisation, if there is none yet) and prints a
 * one-time password that must be changed at the first sign-in.
 */
import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { organisation, person, roleGrant } from '../src/lib/server/db/schema.ts';
import { getHomeOrganisation } from '../src/lib/server/org.ts';
import { generateId, generateInitialPassword } from '../src/lib/server/auth/token.ts';
import { hashPassword } from '../src/lib/server/auth/password.ts';
import { recordAudit } from '../src/lib/server/audit.ts';
import { isKatakanaName, normaliseKana } from '../src/lib/domain/kana.ts';
import { toJstDate } from '../src/lib/domain/japanese-date.ts';

const { values } = parseArgs({
	options: {
		'employee-no': { type: 'string' },
		name: { type: 'string' },
		kana: { type: 'string' },
		'org-code': { type: 'string' },
		'org-name': { type: 'string' },
		'org-kana': { type: 'string' }
	}
});

function stop(message: string): never {
	console.error(`エラー: ${message}`);
	process.exit(2);
}

const employeeNo = values['employee-no']?.normalize('NFKC').trim() ?? '';
const name = values.name?.trim() ?? '';
const kana = normaliseKana(values.kana ?? '');
if (!/^[0-9A-Za-z-]{1,20}$/.test(employeeNo))
	stop('--employee-no に職員番号（数字・英字、20文字以内）を指定してください。');
if (!name) stop('--name に氏名を指定してください。');
if (!isKatakanaName(kana)) stop('--kana にフリガナ（カタカナ）を指定してください。');

const db = await openDatabase(process.env.DATABASE_URL || 'file:manabi.db');
let org = await getHomeOrganisation(db, values['org-code'] || process.env.MANABI_ORG);
if (!org) {
	const code = values['org-code'],
		orgName = values['org-name'],
		orgKana = values['org-kana'];
	if (!code || !orgName || !orgKana || !isKatakanaName(orgKana))
		stop(
			'自治体がまだ登録されていません。--org-code（英数字）、--org-name、--org-kana（カタカナ）も指定してください。'
		);
	org = { id: generateId(), code, name: orgName, kana: normaliseKana(orgKana), createdAt: new Date() };
	await db.insert(organisation).values(org);
}
const [existing] = await db
	.select()
	.from(person)
	.where(and(eq(person.orgId, org.id), eq(person.employeeNo, employeeNo)));
if (existing) stop(`職員番号 ${employeeNo} は登録済みです。別の番号を指定してください。`);

const password = generateInitialPassword();
const id = generateId();
await db.transaction(async (tx) => {
	await tx.insert(person).values({
		id,
		orgId: org.id,
		employeeNo,
		name,
		kana,
		employmentType: 'regular',
		jobGrade: '主事',
		hireDate: toJstDate(new Date()),
		passwordHash: await hashPassword(password),
		mustChangePassword: true
	});
	await tx.insert(roleGrant).values({ id: generateId(), orgId: org.id, personId: id, role: 'admin' });
});
await recordAudit(db, { orgId: org.id, actorId: null, action: 'admin.created', targetType: 'person', targetId: id });
db.$client.close();
console.log(`管理者を作成しました: ${org.name} 職員番号 ${employeeNo} ${name}`);
console.log(`初回用パスワード: ${password}`);
console.log('最初のログインで新しいパスワードの設定を求められます。');
