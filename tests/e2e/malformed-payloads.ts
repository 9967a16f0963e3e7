import type { FormFields } from './form-fields.ts';

/**
 * Malformed input for the sweep: every field of a form filled with the same bad value at
 * once (so no valid form can slip through), and bodies of the wrong kind altogether.
 */
export type Payload = { label: string; contentType: string; body: Buffer };
type Part = { name: string; value: string | Buffer; file?: boolean };

const BOUNDARY = '----manabi-malformed-input';
const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

const ONE_MB = 'a'.repeat(1 << 20);
const CONTROL = '\u0000\u0001\u0007\b\u000b\u001b[2J\u007f\u0085\u202e\u2028';
/** A lone combining mark, a stack of 2,400 on one letter, and kana with (voiced) sound marks. */
const COMBINING = '\u0301a' + '\u0300\u0301\u0302\u0303\u0308\u0323'.repeat(400) + 'ア\u3099\u309a';
/** Not UTF-8: stray continuation bytes, an overlong slash, an encoded surrogate, a 5-byte form. */
const INVALID_UTF8 = Buffer.from([
	0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80
]);

function urlencoded(parts: Part[]): Buffer {
	return Buffer.concat(
		parts.flatMap((p, i) => [
			Buffer.from(`${i ? '&' : ''}${encodeURIComponent(p.name)}=`),
			typeof p.value === 'string' ? Buffer.from(encodeURIComponent(p.value)) : p.value
		])
	);
}

function multipart(parts: Part[]): Buffer {
	const chunks = parts.flatMap((p) => [
		Buffer.from(
			`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name}"${p.file ? '; filename="malformed.csv"\r\nContent-Type: text/csv' : ''}\r\n\r\n`
		),
		Buffer.from(p.value),
		Buffer.from('\r\n')
	]);
	return Buffer.concat([...chunks, Buffer.from(`--${BOUNDARY}--\r\n`)]);
}

/** The bad forms for one action. `answers` are the quiz's `q:<item>` fields, read from its page. */
export function formPayloads(fields: FormFields, answers: string[] = []): Payload[] {
	const files = fields.files ?? [];
	const declared = fields.answers ? answers : fields.text;
	const text = declared.length || files.length ? declared : ['x'];
	const all = [...text, ...files];
	const fill = (value: string | Buffer): Part[] => [
		...text.map((name) => ({ name, value })),
		...files.map((name) => ({ name, value, file: true }))
	];
	const form = (parts: Part[]) =>
		files.length ? { contentType: MULTIPART, body: multipart(parts) } : { contentType: FORM, body: urlencoded(parts) };
	return [
		// quiz answers are all optional (none chosen is a valid, empty answer sheet)
		...(fields.answers ? [] : [{ label: 'missing fields', ...form([]) }]),
		{ label: 'duplicated fields', ...form([...fill('1'), ...fill('2')]) },
		{
			label: 'wrong types (a file for each text field, text for each file)',
			contentType: MULTIPART,
			body: multipart([
				...text.map((name) => ({ name, value: 'x', file: true })),
				...files.map((name) => ({ name, value: 'x' }))
			])
		},
		{ label: '1 MB strings', ...form(fill(ONE_MB)) },
		{ label: 'control characters', ...form(fill(CONTROL)) },
		{ label: 'combining characters', ...form(fill(COMBINING)) },
		{ label: 'invalid UTF-8 bytes', ...form(fill(INVALID_UTF8)) },
		{
			label: 'invalid UTF-8, percent-encoded',
			contentType: FORM,
			body: Buffer.from(all.map((n) => `${encodeURIComponent(n)}=%FF%FE%C3%28%ED%A0%80`).join('&'))
		},
		{
			label: 'JSON',
			contentType: 'application/json',
			body: Buffer.from(JSON.stringify(Object.fromEntries(all.map((n) => [n, 'x']))))
		},
		{
			label: 'text/plain',
			contentType: 'text/plain;charset=UTF-8',
			body: Buffer.from(all.map((n) => `${n}=x`).join('\r\n'))
		},
		{ label: 'octet-stream', contentType: 'application/octet-stream', body: INVALID_UTF8 },
		{ label: 'broken multipart', contentType: MULTIPART, body: Buffer.from('--elsewhere\r\ngarbage without an end') },
		...(fields.valid
			? [
					{
						label: 'a valid form with its first field repeated',
						...form([
							{ name: fields.valid[0][0], value: 'もう一つの値' },
							...fields.valid.map(([name, value]) => ({ name, value }))
						])
					}
				]
			: [])
	];
}

/**
 * Bad query strings for a GET route. Values stay under Node's 16 KB header limit: a longer
 * URL is refused by the HTTP server (431) before the app sees it.
 */
export function queryPayloads(names: string[]): { label: string; query: string }[] {
	const each = (v: string) => names.map((n) => `${n}=${v}`).join('&');
	return [
		{ label: 'duplicated parameters', query: names.map((n) => `${n}=1&${n}=2`).join('&') },
		{ label: 'wrong types', query: names.map((n) => `${n}[]=1&${n}[x]=2`).join('&') },
		{ label: 'long values', query: each('a'.repeat(Math.floor(8000 / names.length))) },
		{ label: 'control characters', query: each('%00%07%1B%7F%C2%85%E2%80%AE') },
		{ label: 'combining characters', query: each(encodeURIComponent(COMBINING.slice(0, 1200 / names.length))) },
		{ label: 'invalid UTF-8', query: each('%FF%FE%C3%28%ED%A0%80') },
		{ label: 'broken percent-encoding', query: `${each('%E3%81%')}&%=%%` }
	];
}

/** Bad values for one path segment, sent as they are (not encoded again). */
export const PATH_VALUES: { label: string; raw: string }[] = [
	{ label: 'invalid UTF-8', raw: '%FF%FE' },
	{ label: 'broken percent-encoding', raw: '%E3%81%' },
	{ label: 'control characters', raw: '%00%1B' },
	{ label: 'combining characters', raw: encodeURIComponent(COMBINING.slice(0, 600)) },
	{ label: 'full-width digits', raw: encodeURIComponent('２０２４') },
	{ label: 'a path outside', raw: '..%2F..%2Fadmin' },
	{ label: 'long value', raw: 'a'.repeat(4000) }
];
