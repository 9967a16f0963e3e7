import { ACCOUNTS, expect, signIn, test } from './fixtures.ts';

const file = (text: string) => ({
	name: 'soshiki.csv',
	mimeType: 'text/csv',
	buffer: Buffer.from('\ufeff' + text.replaceAll('\n', '\r\n'))
});

test('HR adds a 課 and its 係 from an organisation chart CSV; a bad file names its rows and changes nothing', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.hr);
	await page.goto('/hr/units');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('組織（部・課・係）の登録');
	const chart = page.getByRole('region', { name: /登録済みの組織/ });
	await expect(chart.getByRole('row').filter({ hasText: '市民課' }).first()).toContainText('210');

	await page
		.getByLabel('ファイル')
		.setInputFiles(
			file(
				'所属コード,所属名,フリガナ,区分,上位所属コード\n250,デジタル推進課,でじたるすいしんか,課,999\n251,データ活用係,データカツヨウカカリ,部,250'
			)
		);
	await page.getByRole('button', { name: '取り込む' }).click();
	await expect(page.getByRole('alert')).toContainText('2件の問題があるため、取り込みませんでした');
	const errors = page.getByRole('table', { name: '取り込めなかった行' });
	await expect(errors).toContainText('「999」は、このファイルにも登録済みの所属にもありません');
	await expect(errors).toContainText('部には上位所属コードを入れないでください');
	await expect(chart).not.toContainText('デジタル推進課');

	await page
		.getByLabel('ファイル')
		.setInputFiles(
			file(
				'所属コード,所属名,フリガナ,区分,上位所属コード\n250,デジタル推進課,でじたるすいしんか,課,200\n251,データ活用係,データカツヨウカカリ,係,250'
			)
		);
	await page.getByRole('button', { name: '取り込む' }).click();
	await expect(
		page.getByText('組織を取り込みました（追加 2、名称の変更 0、上位所属の変更 0、変更なし 0）。')
	).toBeVisible();
	await expect(chart.getByRole('row').filter({ hasText: 'データ活用係' })).toContainText('250');

	// the assignments are reviewed in the background; the link shows that review to its end
	await page.getByRole('link', { name: /研修の割り当ての見直しを裏で進めています/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('研修の割り当ての見直し');
	await expect(page.getByRole('status')).toHaveText('完了', { timeout: 30_000 });
	await expect(page.getByText(/^研修の割り当てを見直し、\d+件を新たに割り当てました。$/)).toBeVisible();
});
