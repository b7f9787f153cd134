/**
 * The outlet a page comes from, as an axis of the rules (as locale is in chrono). tempo.co in all
 * its layouts is the home outlet; the other profiled outlets are the ones Tempo syndicates and
 * whose furniture the extractors know. A page that names another outlet is refused with
 * UNSUPPORTED_LAYOUT rather than parsed into a silently wrong article.
 */
import type { SourceLine } from './input';

export type OutletId =
  | 'tempo'
  | 'kompas'
  | 'kompas-id'
  | 'detik'
  | 'antara'
  | 'cnn-indonesia'
  | 'republika'
  | 'liputan6'
  | 'kumparan'
  | 'suara'
  | 'cnbc-indonesia'
  | 'idn-times'
  | 'tribunnews'
  | 'okezone'
  | 'viva'
  | 'sindonews'
  | 'merdeka'
  | 'jawapos'
  | 'bisnis';

export interface OutletProfile {
  id: OutletId;
  /** The outlet's name as an editor would write it. */
  name: string;
  /** How the outlet names itself on its pages: dateline prefix, byline channel, photo credit. */
  marker: RegExp;
  /** Whether the parser knows this outlet's furniture (datelines, bylines, credits, tails). */
  supported: boolean;
}

/** Profiled outlets first; then outlets seen in the wild that the parser has no profile for. */
export const OUTLETS: readonly OutletProfile[] = [
  { id: 'tempo', name: 'Tempo.co', marker: /\bTEMPO(?:\.CO\b| Interaktif\b|\s?\/)|\bTempo\.co\b|\b(?:Majalah|Koran) Tempo\b/, supported: true },
  { id: 'kompas', name: 'Kompas.com', marker: /\bKOMPAS\.com\b|\bKompas\.com\b/, supported: true },
  { id: 'detik', name: 'detik.com', marker: /\bdetik(?:com|News|Finance|Inet|Sport|Health|Travel|Oto|Hot|Edu)\b|\bdetik\.com\b/, supported: true },
  { id: 'antara', name: 'Antara', marker: /\((?:ANTARA|Antara)(?: News)?\)|^ANTARA\s+[-–]|\bLKBN Antara\b/, supported: true },
  { id: 'cnn-indonesia', name: 'CNN Indonesia', marker: /\bCNN Indonesia\b/, supported: true },
  { id: 'republika', name: 'Republika', marker: /\bREPUBLIKA\.CO\.ID\b|\bRepublika\.co\.id\b|^Rep:\s.+\/\s*Red:/, supported: true },
  { id: 'liputan6', name: 'Liputan6.com', marker: /\bLiputan6\.com\b/, supported: true },
  { id: 'kumparan', name: 'kumparan', marker: /\bkumparan(?:NEWS|BISNIS|TECH|SPORT|\.com)?\b/, supported: true },
  // kompas.id, the daily's own site, is not Kompas.com: its header (logo, breadcrumb, `Oleh` over an
  // all-caps name, reading time), its credit before the caption and its editor after the body are
  // furniture the parser has no profile for.
  { id: 'kompas-id', name: 'Kompas.id', marker: /\bKompas\.id\b|\bKOMPAS\.ID\b|^[A-Z][A-Z ]{2,30}, KOMPAS\s*—/, supported: false },
  { id: 'suara', name: 'Suara.com', marker: /\b[Ss]uara\.com\b/, supported: false },
  { id: 'cnbc-indonesia', name: 'CNBC Indonesia', marker: /\bCNBC Indonesia\b/, supported: false },
  { id: 'idn-times', name: 'IDN Times', marker: /\bIDN Times\b/, supported: false },
  { id: 'tribunnews', name: 'Tribunnews', marker: /\bTRIBUNNEWS\.COM\b|\bTribunnews\.com\b/, supported: false },
  { id: 'okezone', name: 'Okezone', marker: /\bOkezone\b/, supported: false },
  { id: 'viva', name: 'VIVA', marker: /\bVIVA\.co\.id\b|\bVIVAnews\b/, supported: false },
  { id: 'sindonews', name: 'SINDOnews', marker: /\bSINDOnews\b|\bSindonews\b/, supported: false },
  { id: 'merdeka', name: 'Merdeka.com', marker: /\b[Mm]erdeka\.com\b/, supported: false },
  { id: 'jawapos', name: 'JawaPos.com', marker: /\bJawaPos\.com\b/, supported: false },
  { id: 'bisnis', name: 'Bisnis.com', marker: /\bBisnis\.com\b/, supported: false },
];

/** Every marker in one pass (a line is scanned once, not once per outlet); group k+1 is OUTLETS[k]. */
const ANY_MARKER = new RegExp(OUTLETS.map((o) => `(${o.marker.source})`).join('|'), 'g');

/** `Jakarta, CNBC Indonesia - …`, `BANDUNG, KOMPAS.com - …`: the outlet inside the dateline prefix. */
function isDatelinePosition(text: string, m: RegExpExecArray): boolean {
  return m.index < 40 && /^\s*\)?\s*(?:--?|–|—|:)/.test(text.slice(m.index + m[0].length));
}

/** Longer lines are paragraphs or captions: only their start and their credit count. */
const MAX_FURNITURE_LENGTH = 100;

/** Where an outlet names itself; the start of a line is enough (datelines and credits open or end lines). */
const SCAN_CHARS = 160;

export interface OutletEvidence {
  outlet: OutletProfile;
  /** The line where the outlet first names itself, and what it printed there. */
  line: number;
  seen: string;
  /** How strongly: one per line naming it, three when the line opens with it (a dateline, a byline). */
  count: number;
}

/**
 * Which outlet the page names most (at the start or end of its lines: datelines, bylines, its own
 * photographers' credits; another agency's photo credit is not counted), the earliest first on a tie. Null when no outlet names itself: such a page is read
 * with the home (Tempo) rules, as the supplied article and hand-made pages are.
 */
export function detectOutlet(lines: readonly SourceLine[]): OutletEvidence | null {
  const found = new Map<OutletId, OutletEvidence>();
  for (const line of lines) {
    const prose = line.text.length > MAX_FURNITURE_LENGTH;
    const text = line.text.length <= 2 * SCAN_CHARS ? line.text : `${line.text.slice(0, SCAN_CHARS)} ${line.text.slice(-SCAN_CHARS)}`;
    ANY_MARKER.lastIndex = 0;
    const seenOnLine = new Set<number>();
    for (let m = ANY_MARKER.exec(text); m !== null; m = ANY_MARKER.exec(text)) {
      if (m[0].length === 0) ANY_MARKER.lastIndex++;
      // In a paragraph only its dateline (at the start) or a credit (after `/`, `(`, `[`) names the
      // outlet of the page; "kata dia kepada Kompas.com" mid-sentence is a quote.
      if (prose && m.index !== 0 && !isDatelinePosition(text, m) && !/[/([]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
      // The one group that matched tells the outlet; each outlet counts once per line.
      const k = m.findIndex((group, g) => g > 0 && group !== undefined) - 1;
      const outlet = OUTLETS[k];
      if (outlet === undefined || seenOnLine.has(k)) continue;
      seenOnLine.add(k);
      const weight = m.index === 0 ? 3 : 1;
      const evidence = found.get(outlet.id);
      if (evidence !== undefined) evidence.count += weight;
      else found.set(outlet.id, { outlet, line: line.no, seen: m[0], count: weight });
    }
  }
  let best: OutletEvidence | null = null;
  for (const evidence of found.values()) {
    if (best === null || evidence.count > best.count || (evidence.count === best.count && evidence.line < best.line)) best = evidence;
  }
  return best;
}

/** The profiled outlets' names, for messages. */
export const SUPPORTED_OUTLET_NAMES: readonly string[] = OUTLETS.filter((o) => o.supported).map((o) => o.name);
