import { z } from 'zod';

/**
 * The one way forms are read: every field validated on the server, Japanese messages tied to
 * their fields, and the non-secret input echoed back so nothing the user typed is lost.
 */
export type FormFailure = {
	message: string;
	fieldErrors: Record<string, string>;
	values: Record<string, string>;
};

export type FormResult<T> = { ok: true; data: T } | ({ ok: false } & FormFailure);

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const ECHO_LIMIT = 200;

export const fields = {
	text: (label: string, max = 200) =>
		z
			.string({ error: `${label}を入力してください。` })
			.trim()
			.refine((s) => !CONTROL.test(s), `${label}に使えない文字（制御文字）が含まれています。`)
			.refine((s) => s.length > 0, `${label}を入力してください。`)
			.refine((s) => s.length <= max, `${label}は${max}文字以内で入力してください。`),
	optionalText: (label: string, max = 200) =>
		z
			.string()
			.trim()
			.refine((s) => !CONTROL.test(s), `${label}に使えない文字（制御文字）が含まれています。`)
			.refine((s) => s.length <= max, `${label}は${max}文字以内で入力してください。`)
			.optional(),
	employeeNo: () =>
		z
			.string({ error: '職員番号を入力してください。' })
			.transform((s) => s.normalize('NFKC').trim())
			.refine((s) => s.length > 0, '職員番号を入力してください。')
			.refine((s) => s.length <= 20, '職員番号は20文字以内です。入力を確かめてください。')
			.refine((s) => /^[0-9A-Za-z-]*$/.test(s), '職員番号は数字（と英字）で入力してください。'),
	password: (label = 'パスワード') =>
		z
			.string({ error: `${label}を入力してください。` })
			.refine((s) => s.length > 0, `${label}を入力してください。`)
			.refine((s) => s.length <= 1024, `${label}が長すぎます。`)
};

function firstMessage(issues: z.core.$ZodIssue[], key: string) {
	return issues.find((i) => i.path[0] === key)?.message;
}

export async function parseForm<S extends z.ZodObject>(
	request: Request,
	schema: S,
	secret: string[] = []
): Promise<FormResult<z.infer<S>>> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { ok: false, message: 'フォームの送信形式が正しくありません。画面を読み込み直して、もう一度送信してください。', fieldErrors: {}, values: {} };
	}
	const raw: Record<string, string | undefined> = {};
	const fieldErrors: Record<string, string> = {};
	for (const key of Object.keys(schema.shape)) {
		const all = form.getAll(key);
		if (all.length > 1) fieldErrors[key] = '同じ項目が重複して送信されました。';
		else if (all.length === 1 && typeof all[0] !== 'string') fieldErrors[key] = 'ファイルは送信できない項目です。';
		else raw[key] = all[0] as string | undefined;
	}
	const values = Object.fromEntries(
		Object.entries(raw)
			.filter(([k, v]) => v !== undefined && !secret.includes(k))
			.map(([k, v]) => [k, (v as string).slice(0, ECHO_LIMIT)])
	);
	const parsed = schema.safeParse(raw);
	if (!parsed.success)
		for (const key of Object.keys(schema.shape))
			fieldErrors[key] ??= firstMessage(parsed.error.issues, key) ?? '';
	for (const k of Object.keys(fieldErrors)) if (!fieldErrors[k]) delete fieldErrors[k];
	if (Object.keys(fieldErrors).length > 0 || !parsed.success)
		return { ok: false, message: '入力内容を確かめてください。', fieldErrors, values };
	return { ok: true, data: parsed.data };
}

/** The failure shape passed to `fail()`: the same on every form. */
export const failure = (message: string, fieldErrors: Record<string, string> = {}, values: Record<string, string> = {}): FormFailure => ({ message, fieldErrors, values });

export const BAD_FORM_MESSAGE = 'フォームの送信形式が正しくありません。画面を読み込み直して、もう一度送信してください。';
export const REPEATED_FIELD_MESSAGE = '同じ項目が重複して送信されました。画面を読み込み直して、もう一度送信してください。';

export type RawForm = { ok: true; form: FormData } | { ok: false; message: string };

/**
 * The raw form, for forms that read it themselves, or the reason it cannot be read: not a
 * form (wrong content type, broken encoding), or a field sent twice that is not one of the
 * `multi` fields (checkbox groups, multiple selects), which would otherwise be read as its first value.
 */
export async function readForm(request: Request, multi: (key: string) => boolean = () => false): Promise<RawForm> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { ok: false, message: BAD_FORM_MESSAGE };
	}
	const keys = [...form.keys()];
	if (keys.some((k, i) => keys.indexOf(k) !== i && !multi(k))) return { ok: false, message: REPEATED_FIELD_MESSAGE };
	return { ok: true, form };
}

/**
 * The one way an uploaded file is read: a request over the size limit is refused before it is
 * read, the form must be well-formed (no repeated fields), and the `file` field must hold a file.
 */
export async function readUpload(request: Request, maxBytes: number): Promise<{ ok: true; file: File; form: FormData } | { ok: false; status: number; failure: FormFailure }> {
	if (Number(request.headers.get('content-length') ?? 0) > maxBytes + 64 * 1024)
		return { ok: false, status: 413, failure: failure(`ファイルが大きすぎます（上限 ${maxBytes / 1024 / 1024}MB）。`) };
	const read = await readForm(request);
	if (!read.ok) return { ok: false, status: 400, failure: failure(read.message) };
	const file = read.form.get('file');
	if (!(file instanceof File) || file.size === 0)
		return { ok: false, status: 400, failure: failure('取り込む CSV ファイルを選んでください。', { file: 'ファイルが選ばれていません。' }) };
	return { ok: true, file, form: read.form };
}
