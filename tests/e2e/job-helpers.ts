import { expect, type APIResponse, type Page } from '@playwright/test';
import { ORIGIN } from './fixtures.ts';

type Status = {
	status: string;
	active: boolean;
	result: Record<string, unknown> | null;
	error: string | null;
	hasFile: boolean;
};

/** Waits (polling the progress endpoint, as the page does) until the job at `/jobs/<id>` has ended. */
export async function finishedJob(page: Page, jobPath: string, timeout = 60_000): Promise<Status> {
	let last: Status | null = null;
	await expect
		.poll(
			async () => {
				const res = await page.request.get(`${jobPath}/status`);
				last = res.ok() ? ((await res.json()) as Status) : null;
				return last?.active;
			},
			{ timeout, intervals: [250, 500, 1000] }
		)
		.toBe(false);
	return last!;
}

/** Starts a 個人別受講状況 export as the dashboard form does; answers the job's path. */
export async function startPersonExport(page: Page, form: Record<string, string>): Promise<string> {
	const res = await page.request.post('/dashboard/export', {
		form: { kind: 'persons', ...form },
		headers: { origin: ORIGIN, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(303);
	const to = res.headers()['location'] ?? '';
	expect(to).toMatch(/^\/jobs\/[a-z2-7]{24}$/);
	return to;
}

/** The whole 個人別 export: started, waited for, downloaded. */
export async function exportPersons(page: Page, form: Record<string, string>): Promise<APIResponse> {
	const job = await startPersonExport(page, form);
	const end = await finishedJob(page, job);
	expect(end.status).toBe('done');
	return page.request.get(`${job}/file`);
}
