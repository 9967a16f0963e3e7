import type { ParamMatcher } from '@sveltejs/kit';

/** Ids made by generateId(): 24 base32 characters. */
export const match: ParamMatcher = (param) => /^[a-z2-7]{24}$/.test(param);
