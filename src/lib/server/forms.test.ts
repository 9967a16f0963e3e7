import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime.js';
import { badFormMessage, fields, parseForm, readForm, readUpload, repeatedFieldMessage } from './forms.ts';

const schema = z.object({
	employeeNo: fields.employeeNo(),
	password: fields.password(),
	note: fields.optionalText('備考', 10)
});

function post(body: string | FormData | URLSearchParams, type?: string) {
	return new Request('http://localhost/x', {
		method: 'POST',
		body,
		headers: type ? { 'content-type': type } : undefined
	});
}
const form = (pairs: [string, string][]) => new URLSearchParams(pairs);
/** a label from the catalog, as routes pass it: resolved when the error is reported */
const labelled = z.object({
	employeeNo: fields.employeeNo(),
	password: fields.password(),
	note: fields.optionalText(() => (getLocale() === 'en' ? 'Note' : '備考'), 10)
});

describe('parseForm', () => {
	it('normalises full-width digits and keeps leading zeros', async () => {
		const r = await parseForm(
			post(
				form([
					['employeeNo', '００１２３４'],
					['password', 'x']
				])
			),
			schema
		);
		expect(r).toEqual({ ok: true, data: { employeeNo: '001234', password: 'x' } });
	});

	it('names every bad field in Japanese and echoes non-secret input', async () => {
		const r = await parseForm(
			post(
				form([
					['employeeNo', '12\u0001'],
					['password', ''],
					['note', 'あ'.repeat(11)]
				])
			),
			schema,
			['password']
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.fieldErrors.employeeNo).toMatch(/職員番号/);
		expect(r.fieldErrors.password).toBe('パスワードを入力してください。');
		expect(r.fieldErrors.note).toBe('備考は10文字以内で入力してください。');
		expect(r.values).toEqual({ employeeNo: '12\u0001', note: 'あ'.repeat(11) });
	});

	it('rejects missing fields', async () => {
		const r = await parseForm(post(form([])), schema);
		expect(r.ok ? null : r.fieldErrors).toEqual({
			employeeNo: '職員番号を入力してください。',
			password: 'パスワードを入力してください。'
		});
	});

	it('rejects a duplicated field instead of picking one', async () => {
		const r = await parseForm(
			post(
				form([
					['employeeNo', '1'],
					['employeeNo', '2'],
					['password', 'x']
				])
			),
			schema
		);
		expect(r.ok ? null : r.fieldErrors.employeeNo).toBe('同じ項目が重複して送信されました。');
	});

	it('rejects 10,000-character input without echoing all of it', async () => {
		const r = await parseForm(
			post(
				form([
					['employeeNo', '1'.repeat(10_000)],
					['password', 'x']
				])
			),
			schema
		);
		expect(r.ok ? null : r.fieldErrors.employeeNo).toMatch(/20文字以内/);
		expect(r.ok ? 0 : r.values.employeeNo.length).toBe(200);
	});

	it('answers a body that is not a form with a message, not an exception', async () => {
		const r = await parseForm(post('{"employeeNo":1}', 'application/json'), schema);
		expect(r.ok ? null : r.message).toMatch(/送信形式/);
	});

	it('rejects a file where text is expected', async () => {
		const fd = new FormData();
		fd.set('employeeNo', new Blob(['x']), 'a.txt');
		fd.set('password', 'x');
		const r = await parseForm(post(fd), schema);
		expect(r.ok ? null : r.fieldErrors.employeeNo).toMatch(/ファイル/);
	});
});

describe('readForm', () => {
	it('gives the form as sent', async () => {
		const read = await readForm(
			post(
				form([
					['a', '1'],
					['b', '2']
				]).toString(),
				'application/x-www-form-urlencoded'
			)
		);
		expect(read.ok && [...read.form.entries()]).toEqual([
			['a', '1'],
			['b', '2']
		]);
	});

	it('refuses a field sent twice instead of reading its first value', async () => {
		const read = await readForm(
			post(
				form([
					['name', 'A'],
					['name', 'B']
				]).toString(),
				'application/x-www-form-urlencoded'
			)
		);
		expect(read).toEqual({ ok: false, message: repeatedFieldMessage() });
	});

	it('lets the fields that may repeat (checkbox groups) repeat', async () => {
		const read = await readForm(
			post(
				form([
					['tags', 'a'],
					['tags', 'b'],
					['name', 'A']
				]).toString(),
				'application/x-www-form-urlencoded'
			),
			(k) => k === 'tags'
		);
		expect(read.ok && read.form.getAll('tags')).toEqual(['a', 'b']);
	});

	it('answers a body that is not a form with a message, not an exception', async () => {
		expect(await readForm(post('{"a":1}', 'application/json'))).toEqual({ ok: false, message: badFormMessage() });
		expect(await readForm(post('garbage', 'multipart/form-data; boundary=zzz'))).toEqual({
			ok: false,
			message: badFormMessage()
		});
	});
});

describe('readUpload', () => {
	const post = (body: FormData, length?: number) =>
		new Request('http://x/', { method: 'POST', body, headers: length ? { 'content-length': String(length) } : {} });
	it('returns the file, or says which part is wrong', async () => {
		const ok = new FormData();
		ok.append('file', new File(['a,b'], 'x.csv'));
		const r = await readUpload(post(ok), 1024 * 1024);
		expect(r.ok && r.file.name).toBe('x.csv');
		const none = await readUpload(post(new FormData()), 1024 * 1024);
		expect(!none.ok && none.failure.fieldErrors.file).toBe('ファイルが選ばれていません。');
		const twice = new FormData();
		twice.append('file', new File(['a'], 'a.csv'));
		twice.append('file', new File(['b'], 'b.csv'));
		expect((await readUpload(post(twice), 1024 * 1024)).ok).toBe(false);
	});
	it('refuses an oversized request by its length, before reading it', async () => {
		const r = await readUpload(post(new FormData(), 5 * 1024 * 1024), 1024 * 1024);
		expect(!r.ok && r.status).toBe(413);
	});
});

describe('messages in the reader’s locale', () => {
	const base = getLocale;
	afterEach(() => overwriteGetLocale(base));

	it('a schema built once at import reports in the locale of each request', async () => {
		const body = () =>
			post(
				form([
					['employeeNo', 'x'.repeat(21)],
					['password', ''],
					['note', 'a'.repeat(11)]
				])
			);
		overwriteGetLocale(() => 'en');
		const en = await parseForm(body(), labelled);
		expect(en.ok ? null : [en.message, en.fieldErrors]).toEqual([
			'Please check what you entered.',
			{
				employeeNo: 'An employee number has at most 20 characters. Please check what you entered.',
				password: 'Password is required.',
				note: 'Note must be 10 characters or fewer.'
			}
		]);
		overwriteGetLocale(base);
		const ja = await parseForm(body(), labelled);
		expect(ja.ok ? null : ja.fieldErrors.password).toBe('パスワードを入力してください。');
		expect(ja.ok ? null : ja.fieldErrors.note).toBe('備考は10文字以内で入力してください。');
	});

	it('refusals of malformed forms and uploads are in English for an English reader', async () => {
		overwriteGetLocale(() => 'en');
		expect(await readForm(post('{"a":1}', 'application/json'))).toEqual({
			ok: false,
			message: 'The form was not sent in the expected format. Please reload the page and send it again.'
		});
		const r = await readUpload(post(new FormData()), 1024 * 1024);
		expect(r.ok ? null : r.failure).toEqual({
			message: 'Please choose the CSV file to import.',
			fieldErrors: { file: 'No file has been chosen.' },
			values: {}
		});
	});
});
