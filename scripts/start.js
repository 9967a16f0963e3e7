// `npm start`: serve the production build. Configure with environment variables (docs/install.md).
import { requireSupportedNode } from './node-version.js';
import { missingServerFlags } from './node-flags.js';

requireSupportedNode();
const missing = missingServerFlags();
if (missing.length > 0) {
	console.warn(
		`[manabi] node に ${missing.join(' ')} を付けずに起動しました。メモリを多く使います。` +
			'npm start か、docs/install.md の ExecStart= の書き方で起動してください。'
	);
}
if (!process.env.ORIGIN) {
	const port = process.env.PORT || '3000';
	process.env.ORIGIN = `http://localhost:${port}`;
	console.warn(
		`[manabi] ORIGIN が未設定のため ${process.env.ORIGIN} とみなします。` +
			'本番では利用者がアクセスする https のアドレスを ORIGIN に設定してください。'
	);
}
// the staff list CSV may be several MB (adapter-node's default request limit is 512 KB)
process.env.BODY_SIZE_LIMIT ||= '25M';
// the build's entry, written by `npm run build` (a variable, so type-checking does not need a build)
const server = '../build/index.js';
await import(server);
