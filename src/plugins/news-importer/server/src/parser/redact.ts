/**
 * Personal data never leaves the parser: a reader's e-mail address printed in a page's login block,
 * an office's `redaksi[at]outlet.com`, a phone number. They are replaced in the decoded text, before
 * any line is classified, so no field, no `discarded` entry (kept by the import history) and no
 * warning or log message can carry them. Line numbers and line count do not change.
 */

/** What an e-mail address is replaced with. */
export const EMAIL_MASK = '[email]';
/** What a phone number is replaced with. */
export const PHONE_MASK = '[phone]';

/**
 * An address at any TLD, including the spellings pages use to dodge scrapers
 * (`name[at]host.tld`, `name (at) host.tld`, `name at host dot com` is too ambiguous to catch).
 */
const EMAIL = /[\p{L}\p{N}._%+-]+ ?(?:@|\[at\]|\(at\)) ?[\p{L}\p{N}-]+(?: ?(?:\.|\[dot\]|\(dot\)) ?[\p{L}\p{N}-]+)+/giu;

/** Cheap pre-check: no `@` and no `(at)`/`[at]` means no address (skips the regex on most pages). */
const EMAIL_HINT = /@|[[(]at[\])]/i;

/**
 * Phone numbers: international `+62 21 5360 4000`, area code in parentheses `(021) 7398381`,
 * grouped `0812-3456-7890` / `021 5360 4000`, or 10–13 digits from 0 (`08123456789`). Dates
 * (`2022-10-28`, `09/02/2014`), times (`08.30`), money (`Rp 8.800`) and years do not start with
 * `0` or `+` followed by enough digits, so they are left alone.
 */
const PHONE =
  /(?:\+\d{1,3}[ .-]?\(?\d{1,4}\)?[ .-]?\d{3,4}[ .-]?\d{3,5}|\(0\d{1,4}\) ?\d{3,4}[ .-]?\d{3,5}|\b0\d{2,4}[ .-]\d{3,4}[ .-]?\d{3,5}|\b0\d{9,12})\b/g;

/** Replaces e-mail addresses with `[email]` and phone numbers with `[phone]`; no pattern spans a line break. */
export function redactPersonalData(text: string): string {
  let out = EMAIL_HINT.test(text) ? text.replace(EMAIL, EMAIL_MASK) : text;
  out = out.replace(PHONE, PHONE_MASK);
  return out;
}
