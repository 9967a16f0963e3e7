import { defineConfig } from 'vitest/config';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { mdsvex } from 'mdsvex';
import { contentCheckPlugin } from './scripts/content-check-plugin.ts';

export default defineConfig({
	plugins: [
		contentCheckPlugin(),
		!process.env.VITEST &&
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				// the signed-in person's stored choice (hooks.server.ts), then this browser's cookie, then Japanese
				strategy: ['custom-user', 'cookie', 'baseLocale']
			}),
		sveltekit({
			adapter: adapter(),
			extensions: ['.svelte', '.md'],
			preprocess: [mdsvex({ extensions: ['.md'] })],
			compilerOptions: {
				runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true),
				// mdsvex 0.12 emits <script context="module"> for frontmatter
				warningFilter: (w) => !(w.code === 'script_context_deprecated' && w.filename?.endsWith('.md'))
			},
			// only the app's own origin: the product runs on closed networks (LGWAN)
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none'],
					'base-uri': ['self'],
					'object-src': ['none']
				}
			}
		})
	],
	build: {
		// rolldown's note on slow plugins names paraglide's message compile (~3 s); it is not a fault to act on
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
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
