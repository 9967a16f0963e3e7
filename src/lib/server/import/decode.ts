import iconv from 'iconv-lite';
import * as m from '../../paraglide/messages.js';

export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'shift_jis' } | { ok: false; message: string };

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Reads a file as Japanese offices produce it: UTF-8 with or without BOM, or Shift_JIS
 * (Windows CP932, which Excel writes for 「CSV（コンマ区切り）」).
 */
export function decodeCsvBytes(bytes: Uint8Array, maxBytes = MAX_IMPORT_BYTES): Decoded {
	if (bytes.length === 0) return { ok: false, message: m.import_err_empty_file() };
	if (bytes.length > maxBytes)
		return { ok: false, message: m.import_err_file_too_large({ mb: Math.round(maxBytes / 1024 / 1024) }) };
	if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
		return { ok: false, message: m.import_err_xlsx() };
	if (bytes.subarray(0, 8192).includes(0)) return { ok: false, message: m.import_err_binary() };
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
	try {
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		const text = iconv.decode(Buffer.from(bytes), 'cp932');
		if (text.includes('\ufffd')) return { ok: false, message: m.import_err_encoding() };
		return { ok: true, text, encoding: 'shift_jis' };
	}
}
