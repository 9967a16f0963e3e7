import type { Plugin } from 'vite';

/** Placeholder replaced when the content validator lands. */
export function contentCheckPlugin(): Plugin {
	return { name: 'manabi-content-check' };
}
