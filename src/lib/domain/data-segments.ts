/**
 * A sentence of the app's own text cut around the pieces of Japanese data it holds (names of
 * units, tags, modules), in order, so a page can mark the data lang="ja" (WCAG 3.1.2) while the
 * sentence stays one message. A piece not found is left unmarked rather than guessed at.
 */
export function dataSegments(
	text: string,
	data: readonly (string | null | undefined)[]
): { text: string; data: boolean }[] {
	const out: { text: string; data: boolean }[] = [];
	let from = 0;
	for (const d of data) {
		if (!d) continue;
		const at = text.indexOf(d, from);
		if (at < 0) continue;
		if (at > from) out.push({ text: text.slice(from, at), data: false });
		out.push({ text: d, data: true });
		from = at + d.length;
	}
	if (from < text.length || out.length === 0) out.push({ text: text.slice(from), data: false });
	return out;
}
