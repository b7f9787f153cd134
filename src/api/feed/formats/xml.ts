import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { toWib } from '../../article/page/json-ld';

/**
 * What the XML formats share: a document builder that escapes every text and attribute value
 * (xmlbuilder2) and drops characters XML 1.0 cannot carry (a stray U+0001 in an imported caption
 * would otherwise make the whole feed unreadable), and the dates in WIB. Pure: no Strapi.
 */

export type XmlElement = XMLBuilder;

/** A new document; call `.end()` on the returned root's document with `serialize`. */
export function xmlDocument(): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
}

/** The document as compact UTF-8 text. */
export function serialize(document: XMLBuilder): string {
  return document.end({ prettyPrint: false });
}

/** An element with text content, skipped when the text is empty. */
export function textElement(parent: XMLBuilder, name: string, text: string | null | undefined, attributes?: Record<string, string>): void {
  if (text === null || text === undefined || text === '') return;
  parent.ele(name, attributes).txt(text);
}

export { toWib };

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** RFC 822 (as RSS 2.0 wants it, four-digit year) in WIB: `Fri, 28 Oct 2022 12:00:00 +0700`. */
export function rfc822Wib(instant: string | Date): string {
  const time = new Date(instant).getTime();
  if (Number.isNaN(time)) throw new Error(`Not a date: ${String(instant)}`);
  // The UTC fields of the shifted instant are the wall-clock fields in WIB.
  const wib = new Date(time + WIB_OFFSET_MS);
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${DAYS[wib.getUTCDay()]}, ${two(wib.getUTCDate())} ${MONTHS[wib.getUTCMonth()]} ${wib.getUTCFullYear()} ` +
    `${two(wib.getUTCHours())}:${two(wib.getUTCMinutes())}:${two(wib.getUTCSeconds())} +0700`
  );
}
