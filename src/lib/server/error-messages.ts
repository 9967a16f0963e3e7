import { BAD_FORM_MESSAGE } from './forms';

/**
 * Japanese words for the errors SvelteKit raises by itself before any of our code runs: a URL
 * that does not decode, a method or content type a route does not take. Its own English
 * messages ("Malformed URI", "Unsupported Media Type") would otherwise reach the user.
 */
const MESSAGES: Record<number, string> = {
	400: 'リクエストの形式が正しくありません。アドレスを確かめるか、画面を読み込み直してください。',
	404: 'ページが見つかりません。',
	405: 'この操作はこのページでは行えません。画面を読み込み直してください。',
	413: '送信された内容が大きすぎます。',
	415: BAD_FORM_MESSAGE
};

export const SERVER_ERROR_MESSAGE = 'サーバーで問題が起きました。時間をおいてもう一度お試しください。';

export function frameworkErrorMessage(status: number): string {
	if (status >= 500) return SERVER_ERROR_MESSAGE;
	return MESSAGES[status] ?? 'リクエストを処理できませんでした。画面を読み込み直してください。';
}
