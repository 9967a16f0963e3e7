import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { contentCheckPlugin } from './scripts/content-check-plugin.ts';

export default defineConfig({
	plugins: [
		contentCheckPlugin(),
		!process.env.VITEST && paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// the signed-in person's stored choice (hooks.server.ts), then this browser's cookie, then Japanese
			strategy: ['custom-user', 'cookie', 'baseLocale']
		}),
		sveltekit()
	],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.{test,spec}.{js,ts}', 'scripts/**/*.{test,spec}.{js,ts}', 'bench/lib/*.test.ts'],
					exclude: ['src/**/*.svelte.{test,spec}.{js,ts}'],
					testTimeout: 20_000
				}
			}
		]
	}
});
