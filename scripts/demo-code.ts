/**
 * `npm run demo:code`: the current six-digit code for the demo's HR and admin accounts, as an
 * authenticator app would show it (they share the demo's published key). Demo only.
 */
import { generateTOTP } from '@oslojs/otp';
import { DEMO_TOTP_KEY } from '../src/lib/server/demo/municipality.ts';
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '../src/lib/domain/two-factor.ts';

const left = TOTP_PERIOD_SECONDS - (Math.floor(Date.now() / 1000) % TOTP_PERIOD_SECONDS);
console.log(
	`確認コード: ${generateTOTP(DEMO_TOTP_KEY, TOTP_PERIOD_SECONDS, TOTP_DIGITS)}（あと${left}秒有効。1つのコードは1回だけ使えます）`
);
