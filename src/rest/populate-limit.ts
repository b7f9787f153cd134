/**
 * Bounds on REST `populate` (issue 9). Strapi 5 has no populate depth limit, and a populated to-many
 * relation has no page: `populate[reporters][populate][articles][populate][reporters]…` fans out over
 * every reporter of every article of every reporter. Before the controller runs, the populate
 * parameter is read as a tree of populated attributes (every form Strapi accepts: `*`, comma lists,
 * dotted paths, arrays, objects with `populate`, `on` fragments) against the content types, and
 * refused when it is
 *
 * - deeper than `maxDepth` relations (`POPULATE_TOO_DEEP`),
 * - wider than `maxRelations` populated attributes in all (`POPULATE_TOO_WIDE`; `*` counts each
 *   attribute it populates),
 * - or costlier than `maxCost` (`POPULATE_TOO_COSTLY`): the items the response can hold, the page
 *   size of the request times, for each populated attribute, `maxLimit` for a to-many one (it is
 *   not paginated) and 1 for a to-one one, summed over siblings.
 */

/** What can be populated on a content type or component: attribute name → its target and cardinality. */
export type PopulatableAttributes = Record<string, { target?: string; many: boolean }>;
/** The populatable attributes of a content type or component uid; undefined when unknown. */
export type SchemaLookup = (uid: string) => PopulatableAttributes | undefined;

export interface PopulateLimits {
  maxDepth: number;
  maxRelations: number;
  maxCost: number;
  /** What one to-many relation counts for: the REST `maxLimit`. */
  manyItems: number;
}

export type PopulateErrorCode = 'POPULATE_TOO_DEEP' | 'POPULATE_TOO_WIDE' | 'POPULATE_TOO_COSTLY';

export type PopulateVerdict =
  | { ok: true; depth: number; relations: number; cost: number }
  | { ok: false; code: PopulateErrorCode; message: string; limit: number; actual: number; path?: string };

interface PopulateNode {
  path: string;
  many: boolean;
  children: PopulateNode[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isOff = (value: unknown): boolean => value === false || value === 'false';
const isLeaf = (value: unknown): boolean => value === true || value === 'true' || value === null || value === '*';

/** An attribute the schema does not know (Strapi refuses it later) counts as a to-many relation. */
const UNKNOWN: PopulatableAttributes[string] = { many: true };

/**
 * Reads a populate value (the query parameter, or the `populate` of a populated attribute) as nodes
 * under `uid`. A deeper level than `stopBelow` is not read: the depth check has failed by then.
 */
function readPopulate(value: unknown, uid: string | undefined, prefix: string, level: number, lookup: SchemaLookup, stopBelow: number): PopulateNode[] {
  if (value === undefined || isOff(value) || level > stopBelow) return [];
  const attributes = uid ? lookup(uid) : undefined;
  const node = (name: string, spec: unknown): PopulateNode => {
    const attribute = attributes?.[name] ?? UNKNOWN;
    const path = prefix ? `${prefix}.${name}` : name;
    return { path, many: attribute.many, children: readSpec(spec, attribute.target, path, level + 1, lookup, stopBelow) };
  };
  // `*`: every populatable attribute of this type, one level.
  const all = (): PopulateNode[] => Object.keys(attributes ?? {}).map((name) => node(name, true));

  if (value === '*' || value === true || value === 'true' || value === null) return all();
  if (typeof value === 'string') {
    // `reporters,photos.image`: a comma list of dotted paths.
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .flatMap((item) => {
        if (item === '*') return all();
        const [head, ...rest] = item.split('.');
        return [node(head!, rest.length > 0 ? rest.join('.') : true)];
      });
  }
  if (Array.isArray(value)) return value.flatMap((item) => readPopulate(item, uid, prefix, level, lookup, stopBelow));
  if (isRecord(value)) {
    return Object.entries(value).flatMap(([name, spec]) => {
      if (isOff(spec)) return [];
      if (name === '*') return all();
      return [node(name, spec)];
    });
  }
  return [];
}

/** The children of one populated attribute, from its spec (`true`, `*`, a nested string, or `{ populate, on, … }`). */
function readSpec(spec: unknown, target: string | undefined, path: string, level: number, lookup: SchemaLookup, stopBelow: number): PopulateNode[] {
  if (isLeaf(spec) || isOff(spec)) return [];
  if (typeof spec === 'string' || Array.isArray(spec)) return readPopulate(spec, target, path, level, lookup, stopBelow);
  if (!isRecord(spec)) return [];
  const children = readPopulate(spec.populate, target, path, level, lookup, stopBelow);
  // Dynamic zones: `on: { 'component.uid': { populate, … } }`, each fragment populates its own component.
  if (isRecord(spec.on)) {
    for (const [component, fragment] of Object.entries(spec.on)) {
      if (isRecord(fragment)) children.push(...readPopulate(fragment.populate, component, path, level, lookup, stopBelow));
    }
  }
  return children;
}

const deepest = (nodes: PopulateNode[]): { depth: number; path: string } =>
  nodes.reduce(
    (best, node) => {
      const below = deepest(node.children);
      return below.depth + 1 > best.depth ? { depth: below.depth + 1, path: below.path || node.path } : best;
    },
    { depth: 0, path: '' }
  );
const countNodes = (nodes: PopulateNode[]): number => nodes.reduce((sum, node) => sum + 1 + countNodes(node.children), 0);
const costOf = (nodes: PopulateNode[], manyItems: number): number =>
  nodes.reduce((sum, node) => sum + (node.many ? manyItems : 1) * (1 + costOf(node.children, manyItems)), 0);

const format = (value: number): string => value.toLocaleString('en-US');

/**
 * Checks the populate parameter of a read of `uid` that answers up to `items` entries (the page
 * size of a list, 1 for a single entry). Returns the verdict as a value; never throws.
 */
export function checkPopulate(populate: unknown, uid: string, items: number, lookup: SchemaLookup, limits: PopulateLimits): PopulateVerdict {
  // Read one level past the first refused one: enough to tell "4 deep" from "deeper than 4", not more.
  const tree = readPopulate(populate, uid, '', 1, lookup, limits.maxDepth + 2);
  const { depth, path } = deepest(tree);
  if (depth > limits.maxDepth) {
    return {
      ok: false,
      code: 'POPULATE_TOO_DEEP',
      message:
        `populate goes ${depth > limits.maxDepth + 1 ? 'more than ' + format(limits.maxDepth + 1) : format(depth)} relations deep (${path}); ` +
        `the limit is ${format(limits.maxDepth)} (REST_POPULATE_MAX_DEPTH). Populate fewer levels and fetch what lies deeper with another request.`,
      limit: limits.maxDepth,
      actual: depth,
      path,
    };
  }
  const relations = countNodes(tree);
  if (relations > limits.maxRelations) {
    return {
      ok: false,
      code: 'POPULATE_TOO_WIDE',
      message:
        `populate asks for ${format(relations)} relations in all (populate=* counts each attribute it populates); ` +
        `the limit is ${format(limits.maxRelations)} (REST_POPULATE_MAX_RELATIONS). Name only the relations the page shows.`,
      limit: limits.maxRelations,
      actual: relations,
    };
  }
  const cost = items * (1 + costOf(tree, limits.manyItems));
  if (cost > limits.maxCost) {
    return {
      ok: false,
      code: 'POPULATE_TOO_COSTLY',
      message:
        `This request could return up to ${format(cost)} items (${format(items)} per page, each to-many relation counted ` +
        `as ${format(limits.manyItems)} since populated relations are not paginated); the limit is ${format(limits.maxCost)} ` +
        '(REST_POPULATE_MAX_COST). Ask for a smaller page (pagination[pageSize]), or populate fewer to-many relations, ' +
        'none inside another.',
      limit: limits.maxCost,
      actual: cost,
    };
  }
  return { ok: true, depth, relations, cost };
}
