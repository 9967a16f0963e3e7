import type { ParamMatcher } from '@sveltejs/kit';

/** A 年度 as four digits. */
export const match: ParamMatcher = (param) => /^(19|20)\d{2}$/.test(param);
