import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';

/**
 * The real validators the distribution formats are checked with: libxml2's `xmllint` against the
 * published schemas (Atom's RELAX NG, the sitemaps.org and Google News XSDs) and Ajv against IPTC's
 * ninjs 2.2 JSON Schema. The schema files live in tests/schemas (see the README there).
 */

export const SCHEMAS = path.resolve(__dirname, '..', 'schemas');

export interface Verdict {
  valid: boolean;
  /** xmllint's or Ajv's own words, for the failure message. */
  errors: string;
}

function xmllint(args: string[], xml: string): Verdict {
  const run = spawnSync('xmllint', ['--noout', '--nonet', ...args, '-'], { input: xml, encoding: 'utf8', timeout: 30_000 });
  if (run.error) throw new Error(`xmllint could not run (${run.error.message}); install it with apt-get install libxml2-utils.`);
  // On success xmllint still says "- validates" on stderr; only the other lines are errors.
  const errors = run.stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^- validates$/.test(line.trim()))
    .join('\n');
  return { valid: run.status === 0, errors };
}

/** Well-formed XML, nothing more. */
export const wellFormed = (xml: string): Verdict => xmllint([], xml);

/** Valid against RFC 4287's RELAX NG schema. */
export const validAtom = (xml: string): Verdict => xmllint(['--relaxng', path.join(SCHEMAS, 'atom.rng')], xml);

/** A `<urlset>` valid against the sitemaps.org schema with the News and xhtml:link extensions. */
export const validSitemap = (xml: string): Verdict => xmllint(['--schema', path.join(SCHEMAS, 'sitemap-with-extensions.xsd')], xml);

/** A `<sitemapindex>` valid against the sitemaps.org index schema. */
export const validSitemapIndex = (xml: string): Verdict => xmllint(['--schema', path.join(SCHEMAS, 'siteindex.xsd')], xml);

let ninjs: ValidateFunction | null = null;

/** Valid against IPTC's ninjs 2.2 JSON Schema (draft 2020-12, formats checked). */
export function validNinjs(value: unknown): Verdict {
  if (!ninjs) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    // The schema's one remote reference (places[].geojson) cannot be fetched offline: a stand-in that accepts any object.
    ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
    ninjs = ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'ninjs-schema_2.2.json'), 'utf8')));
  }
  const valid = ninjs(value) === true;
  const errors = (ninjs.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  return { valid, errors: errors.join('\n') };
}
