import type { SubmitFunction } from '$app/forms';

/**
 * Sign-in forms: a failure stays on the page (kept input, message), but once signed in the next
 * page is loaded in full, so it comes in the person's own language (their stored choice may
 * differ from the one this page was drawn in) and nothing of the signed-out page lingers.
 */
export const signInEnhance: SubmitFunction =
	() =>
	async ({ result, update }) => {
		if (result.type === 'redirect') {
			window.location.assign(result.location);
			return;
		}
		await update();
	};
