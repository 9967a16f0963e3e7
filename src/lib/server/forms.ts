import { z } from 'zod';
import * as m from '../paraglide/messages.js';

/**
 * The one way forms are read: every field validated on the server, messages (in the reader's locale) tied to
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

/**
 * A field's name in messages: a catalog message (a message function, translated when the error is
 * shown) or a fixed string. Schemas are built once at import, so every message below is a
 * function zod calls when it reports the issue, in the locale of that request.
 */
export type FieldLabel = string | (() => string);
const say = (label: FieldLabel) => (typeof label === 'function' ? label() : label);
const err = (message: () => string) => ({ error: message });

export const fields = {
	text: (label: FieldLabel, max = 200) =>
		z
			.string(err(() => m.form_err_required({ label: say(label) })))
			.trim()
			.refine(
				(s) => !CONTROL.test(s),
				err(() => m.form_err_control_chars({ label: say(label) }))
			)
			.refine(
				(s) => s.length > 0,
				err(() => m.form_err_required({ label: say(label) }))
			)
			.refine(
				(s) => s.length <= max,
				err(() => m.form_err_too_long({ label: say(label), max }))
			),
	optionalText: (label: FieldLabel, max = 200) =>
		z
			.string()
			.trim()
			.refine(
				(s) => !CONTROL.test(s),
				err(() => m.form_err_control_chars({ label: say(label) }))
			)
			.refine(
				(s) => s.length <= max,
				err(() => m.form_err_too_long({ label: say(label), max }))
			)
			.optional(),
	employeeNo: () =>
		z
			.string(err(() => m.form_err_employee_no_required()))
			.transform((s) => s.normalize('NFKC').trim())
			.refine(
				(s) => s.length > 0,
				err(() => m.form_err_employee_no_required())
			)
			.refine(
				(s) => s.length <= 20,
				err(() => m.form_err_employee_no_too_long())
			)
			.refine(
				(s) => /^[0-9A-Za-z-]*$/.test(s),
				err(() => m.form_err_employee_no_chars())
			),
	password: (label: FieldLabel = m.form_label_password) =>
		z
			.string(err(() => m.form_err_required({ label: say(label) })))
			.refine(
				(s) => s.length > 0,
				err(() => m.form_err_required({ label: say(label) }))
			)
			.refine(
				(s) => s.length <= 1024,
				err(() => m.form_err_password_too_long({ label: say(label) }))
			)
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
		return { ok: false, message: m.form_err_bad_form(), fieldErrors: {}, values: {} };
	}
	const raw: Record<string, string | undefined> = {};
	const fieldErrors: Record<string, string> = {};
	for (const key of Object.keys(schema.shape)) {
		const all = form.getAll(key);
		if (all.length > 1) fieldErrors[key] = m.form_err_repeated_field_short();
		else if (all.length === 1 && typeof all[0] !== 'string') fieldErrors[key] = m.form_err_file_not_allowed();
		else raw[key] = all[0] as string | undefined;
	}
	const values = Object.fromEntries(
		Object.entries(raw)
			.filter(([k, v]) => v !== undefined && !secret.includes(k))
			.map(([k, v]) => [k, (v as string).slice(0, ECHO_LIMIT)])
	);
	const parsed = schema.safeParse(raw);
	if (!parsed.success)
		for (const key of Object.keys(schema.shape)) fieldErrors[key] ??= firstMessage(parsed.error.issues, key) ?? '';
	for (const k of Object.keys(fieldErrors)) if (!fieldErrors[k]) delete fieldErrors[k];
	if (Object.keys(fieldErrors).length > 0 || !parsed.success)
		return { ok: false, message: m.form_err_check_input(), fieldErrors, values };
	return { ok: true, data: parsed.data };
}

/** The failure shape passed to `fail()`: the same on every form. */
export const failure = (
	message: string,
	fieldErrors: Record<string, string> = {},
	values: Record<string, string> = {}
): FormFailure => ({ message, fieldErrors, values });

/** In the reader's locale. */
export const badFormMessage = () => m.form_err_bad_form();
export const repeatedFieldMessage = () => m.form_err_repeated_field();

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
		return { ok: false, message: badFormMessage() };
	}
	const keys = [...form.keys()];
	if (keys.some((k, i) => keys.indexOf(k) !== i && !multi(k))) return { ok: false, message: repeatedFieldMessage() };
	return { ok: true, form };
}

/**
 * The one way an uploaded file is read: a request over the size limit is refused before it is
 * read, the form must be well-formed (no repeated fields), and the `file` field must hold a file.
 */
export async function readUpload(
	request: Request,
	maxBytes: number
): Promise<{ ok: true; file: File; form: FormData } | { ok: false; status: number; failure: FormFailure }> {
	if (Number(request.headers.get('content-length') ?? 0) > maxBytes + 64 * 1024)
		return { ok: false, status: 413, failure: failure(m.form_err_file_too_large({ mb: maxBytes / 1024 / 1024 })) };
	const read = await readForm(request);
	if (!read.ok) return { ok: false, status: 400, failure: failure(read.message) };
	const file = read.form.get('file');
	if (!(file instanceof File) || file.size === 0)
		return { ok: false, status: 400, failure: failure(m.form_err_choose_csv(), { file: m.form_err_no_file() }) };
	return { ok: true, file, form: read.form };
}
