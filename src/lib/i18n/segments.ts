/**
 * A message with data inside it ("Signed in as {name}"), cut into pieces so the data can be
 * marked as Japanese (lang="ja") on an English page while the sentence around it stays English.
 */
export type Segment = { text: string; data: boolean };

const mark = (i: number) => `\u0001${i}\u0002`;

export function segments<P extends Record<string, string | number>>(
	render: (params: P) => string,
	params: P,
	dataKeys: (keyof P)[]
): Segment[] {
	const filled = { ...params } as Record<string, string | number>;
	dataKeys.forEach((k, i) => (filled[k as string] = mark(i)));
	const out: Segment[] = [];
	for (const piece of render(filled as P).split(/(\u0001\d+\u0002)/)) {
		if (!piece) continue;
		const hit = /^\u0001(\d+)\u0002$/.exec(piece);
		out.push(hit ? { text: String(params[dataKeys[Number(hit[1])]]), data: true } : { text: piece, data: false });
	}
	return out;
}
