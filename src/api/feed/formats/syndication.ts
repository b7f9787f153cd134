import { rfc822Wib, serialize, textElement, toWib, xmlDocument } from './xml';

/**
 * RSS 2.0 and Atom 1.0 (RFC 4287) for one locale, optionally one section. Pure: the service hands in
 * finished entries (public URLs already built, only publicly visible articles).
 *
 * Dates are WIB (+07:00), the newsroom's time; the feed's own date is its newest entry's, never the
 * clock, so the same articles always give the same bytes (and the same ETag).
 */

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const MEDIA_NS = 'http://search.yahoo.com/mrss/';

/** An author as the byline prints them: a person, or a desk (`Tempo.co`). */
export interface FeedAuthor {
  name: string;
  kind: 'person' | 'desk';
}

/** The lead photo (position 0, else the first), when it has an uploaded image. */
export interface FeedImage {
  url: string;
  mime: string | null;
  width: number | null;
  height: number | null;
  /** Bytes, when known. */
  size: number | null;
  caption: string | null;
  credit: string | null;
}

export interface FeedEntry {
  /** A stable identifier that survives a slug change: `urn:kabar:article:<documentId>:<locale>`. */
  id: string;
  url: string;
  title: string;
  summary: string | undefined;
  section: string | null;
  authors: FeedAuthor[];
  published: string | Date;
  updated: string | Date;
  image: FeedImage | null;
}

export interface FeedChannel {
  id: string;
  title: string;
  description: string;
  /** The locale, as the feed's language. */
  language: string;
  /** The site's page for this locale (and section). */
  homeUrl: string;
  /** The feed's own URL. */
  selfUrl: string;
  publisherName: string;
}

/** The newest `updated` of the entries, or the epoch for an empty feed: a date that never moves by itself. */
function newest(entries: FeedEntry[]): Date {
  let latest = 0;
  for (const entry of entries) {
    latest = Math.max(latest, new Date(entry.updated).getTime(), new Date(entry.published).getTime());
  }
  return new Date(latest);
}

/** RSS 2.0, with `dc:creator` per author (RSS's own `author` must be an e-mail address) and the lead image as `enclosure` and `media:content`. */
export function buildRss(channel: FeedChannel, entries: FeedEntry[]): string {
  const document = xmlDocument();
  const rss = document.ele('rss', { version: '2.0', 'xmlns:atom': ATOM_NS, 'xmlns:dc': DC_NS, 'xmlns:media': MEDIA_NS });
  const head = rss.ele('channel');
  textElement(head, 'title', channel.title);
  textElement(head, 'link', channel.homeUrl);
  textElement(head, 'description', channel.description);
  textElement(head, 'language', channel.language);
  textElement(head, 'lastBuildDate', rfc822Wib(newest(entries)));
  textElement(head, 'generator', 'Kabar');
  head.ele('atom:link', { href: channel.selfUrl, rel: 'self', type: 'application/rss+xml' });

  for (const entry of entries) {
    const item = head.ele('item');
    textElement(item, 'title', entry.title);
    textElement(item, 'link', entry.url);
    item.ele('guid', { isPermaLink: 'false' }).txt(entry.id);
    textElement(item, 'description', entry.summary);
    for (const author of entry.authors) textElement(item, 'dc:creator', author.name);
    textElement(item, 'category', entry.section);
    textElement(item, 'pubDate', rfc822Wib(entry.published));
    if (entry.image) {
      const image = entry.image;
      // RSS requires a length; 0 is the RSS Advisory Board's advice when it is unknown.
      item.ele('enclosure', { url: image.url, length: String(image.size ?? 0), type: image.mime ?? 'image/jpeg' });
      const media = item.ele('media:content', {
        url: image.url,
        medium: 'image',
        ...(image.mime ? { type: image.mime } : {}),
        ...(image.width ? { width: String(image.width) } : {}),
        ...(image.height ? { height: String(image.height) } : {}),
      });
      textElement(media, 'media:description', image.caption);
      textElement(media, 'media:credit', image.credit);
    }
  }
  return serialize(document);
}

/** Atom 1.0: the publisher as the feed's author (so entries without a byline stay valid), people and desks as entry authors. */
export function buildAtom(channel: FeedChannel, entries: FeedEntry[]): string {
  const document = xmlDocument();
  const feed = document.ele(ATOM_NS, 'feed', { 'xml:lang': channel.language });
  textElement(feed, 'id', channel.id);
  textElement(feed, 'title', channel.title);
  textElement(feed, 'subtitle', channel.description);
  textElement(feed, 'updated', toWib(newest(entries)));
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: channel.selfUrl });
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: channel.homeUrl });
  feed.ele('author').ele('name').txt(channel.publisherName);
  textElement(feed, 'generator', 'Kabar');

  for (const entry of entries) {
    const item = feed.ele('entry');
    textElement(item, 'id', entry.id);
    textElement(item, 'title', entry.title);
    item.ele('link', { rel: 'alternate', type: 'text/html', href: entry.url });
    textElement(item, 'published', toWib(entry.published));
    textElement(item, 'updated', toWib(entry.updated));
    textElement(item, 'summary', entry.summary);
    for (const author of entry.authors) item.ele('author').ele('name').txt(author.name);
    if (entry.section) item.ele('category', { term: entry.section, label: entry.section });
    if (entry.image) {
      const image = entry.image;
      item.ele('link', {
        rel: 'enclosure',
        href: image.url,
        type: image.mime ?? 'image/jpeg',
        ...(image.size ? { length: String(image.size) } : {}),
        ...(image.caption ? { title: image.caption } : {}),
      });
    }
  }
  return serialize(document);
}
