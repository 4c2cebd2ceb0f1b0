/**
 * Carriers' free-text scan messages sometimes carry the signer's phone or ID number ("已由本人签收
 * 13812341234"). The raw message is kept for audit, so digits that look like a mainland mobile or
 * a resident ID are masked before it is stored; names cannot be told apart from text and stay.
 */
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const RESIDENT_ID = /(?<![\dA-Za-z])(\d)\d{16}[\dXx](?![\dA-Za-z])/g;
/** Both need eleven digits in a row; one plain scan rules most messages out. */
const ELEVEN_DIGITS = /\d{11}/;

/** The message with mobile numbers as 138****1234 and ID numbers reduced to first and last digit. */
export function scrubMessage(message: string): string {
  if (!ELEVEN_DIGITS.test(message)) return message;
  return message
    .replace(RESIDENT_ID, (match: string, first: string) => `${first}${'*'.repeat(match.length - 2)}${match.slice(-1)}`)
    .replace(MOBILE, '$1****$2');
}
