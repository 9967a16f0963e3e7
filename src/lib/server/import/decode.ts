import iconv from 'iconv-lite';

export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'shift_jis' } | { ok: false; message: string };

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Reads a file as Japanese offices produce it: UTF-8 with or without BOM, or Shift_JIS
 * (Windows CP932, which Excel writes for 「CSV（コンマ区切り）」).
 */
export function decodeCsvBytes(bytes: Uint8Array, maxBytes = MAX_IMPORT_BYTES): Decoded {
	if (bytes.length === 0) return { ok: false, message: 'ファイルが空です。' };
	if (bytes.length > maxBytes)
		return { ok: false, message: `ファイルが大きすぎます（上限 ${Math.round(maxBytes / 1024 / 1024)}MB）。部ごとなどに分けて取り込んでください。` };
	if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
		return { ok: false, message: 'Excel ブック（.xlsx）などは取り込めません。Excel で「CSV」形式を選んで保存し直してください。' };
	if (bytes.subarray(0, 8192).includes(0))
		return { ok: false, message: 'CSV ファイルではないようです（文字以外のデータが含まれています）。' };
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
	try {
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		const text = iconv.decode(Buffer.from(bytes), 'cp932');
		if (text.includes('\ufffd'))
			return { ok: false, message: '文字コードを判別できません。UTF-8 または Shift_JIS の CSV で保存し直してください。' };
		return { ok: true, text, encoding: 'shift_jis' };
	}
}
