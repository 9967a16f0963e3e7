import { defineParams } from '@sveltejs/kit/params';

const matching = (pattern: RegExp) => (param: string) => (pattern.test(param) ? param : undefined);

/** Route parameter matchers ([jobId=id], [slug=slug], [fy=year]); a URL that does not match is a 404. */
export const params = defineParams({
	/** ids made by generateId(): 24 base32 characters */
	id: matching(/^[a-z2-7]{24}$/),
	/** a module's slug */
	slug: matching(/^[a-z0-9][a-z0-9-]{0,63}$/),
	/** a 年度 as four digits */
	year: matching(/^(19|20)\d{2}$/)
});
