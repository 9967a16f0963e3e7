import type { APIResponse } from '@playwright/test';

/** Kana or kanji: the message is written for the user, not SvelteKit's English default. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** The message an answer shows the user: a form failure's, an error's, or the error page's. */
export async function messageOf(res: APIResponse): Promise<string | null> {
	const type = res.headers()['content-type'] ?? '';
	const body = await res.text();
	if (type.includes('json')) {
		const json = JSON.parse(body);
		if (json.type === 'failure') {
			// the form's data is devalue's flat array: the first element maps keys to indices
			const flat = JSON.parse(json.data);
			return typeof flat[0]?.message === 'number' ? String(flat[flat[0].message]) : null;
		}
		return json.type === 'error' ? (json.error?.message ?? null) : (json.message ?? null);
	}
	if (type.includes('html')) return /<h1>[^<]*（\d{3}）<\/h1>\s*<p>([^<]*)<\/p>/.exec(body)?.[1] ?? null;
	return body;
}

/**
 * What is wrong with the answer to a malformed request, or null. Never a 5xx; never taken
 * as valid; a 4xx with a Japanese message. A redirect only where the route answers every
 * request with one (`mayRedirect`: sign-out, starting a quiz), a 2xx only where it may ignore
 * what it does not read (`mayIgnore`: a page's unknown query parameters).
 */
export async function judge(
	res: APIResponse,
	opts: { mayRedirect: boolean; mayIgnore: boolean }
): Promise<string | null> {
	const http = res.status();
	if (http >= 500) return `answered ${http}`;
	const json = (res.headers()['content-type'] ?? '').includes('json') ? await res.json() : null;
	if (json?.type === 'success') return 'was accepted as valid';
	const status: number = json?.type === 'failure' || json?.type === 'redirect' ? json.status : http;
	if (status >= 500) return `answered ${status}`;
	if (status >= 300 && status < 400) return opts.mayRedirect ? null : `redirected (${status}) as if accepted`;
	if (status < 300) return opts.mayIgnore ? null : `answered ${status}`;
	const message = await messageOf(res);
	return message && JAPANESE.test(message)
		? null
		: `${status} without a Japanese message (${JSON.stringify(message?.slice(0, 80) ?? null)})`;
}
