/**
 * The Node.js that Manabi runs on: 24 LTS (`engines` in package.json says the same; a test keeps
 * the two equal). `npm start` and the CLI scripts stop at once on an older Node, with what to do,
 * instead of failing later inside SvelteKit or vitest with an unrelated error.
 */
export const MINIMUM_NODE = { major: 24, minor: 11 };

/** What is wrong with this Node version, in Japanese and English; null when it will do. */
export function nodeVersionProblem(version = process.versions.node) {
	const [major, minor] = version.split('.').map(Number);
	if (major > MINIMUM_NODE.major || (major === MINIMUM_NODE.major && minor >= MINIMUM_NODE.minor)) return null;
	const needed = `${MINIMUM_NODE.major}.${MINIMUM_NODE.minor}`;
	return (
		`[manabi] Node.js ${version} では動きません。Node.js ${needed} 以上（24 LTS）が必要です。` +
		'サーバーへの入れ方は docs/install.md の「2. Node.js を入れる」を見てください。\n' +
		`[manabi] Node.js ${version} is too old: Manabi needs Node.js ${needed} or newer (24 LTS); see docs/install.md, section 2.`
	);
}

/** Stops the process on a Node that is too old. */
export function requireSupportedNode() {
	const problem = nodeVersionProblem();
	if (problem) {
		console.error(problem);
		process.exit(1);
	}
}
