/**
 * Scheduled publish and unpublish with two `strapi start` processes on one database, as two replicas
 * of a deployment: every due article is published (or unpublished) exactly once, and the usual
 * events fire once each (counted by a webhook receiver, which both processes notify). The claim is a
 * database lock (src/api/article/services/schedule.ts: `FOR UPDATE SKIP LOCKED` on PostgreSQL).
 * Runs on this file's database: SQLite, or PostgreSQL under `npm run test:postgres`.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { onPostgres } from '../helpers/postgres';
import { APP_DIR, freePort, startProductionStrapi, type ProductionServer } from '../helpers/production';

const ON_POSTGRES = process.env.DATABASE_CLIENT === 'postgres';
const DATABASE = ON_POSTGRES ? 'postgres' : 'sqlite';
const TO_PUBLISH = 30;
const TO_UNPUBLISH = 6;
const LOG_DIR = path.join(APP_DIR, '.tmp', 'schedule-processes');

interface Delivery {
  event: string;
  documentId: string;
}

/** Runs statements on the test database (pg, or better-sqlite3 on the file). */
async function onDatabase(target: string, work: (run: (sql: string, values?: unknown[]) => Promise<unknown[]>) => Promise<void>): Promise<void> {
  if (ON_POSTGRES) {
    await onPostgres(target, (client) =>
      work(async (sql, values = []) => {
        let placeholder = 0;
        return (await client.query(sql.replace(/\?/g, () => `$${++placeholder}`), values as never[])).rows;
      })
    );
    return;
  }
  type Sqlite = new (file: string) => { prepare(sql: string): { all(...values: unknown[]): unknown[]; run(...values: unknown[]): unknown; reader: boolean }; close(): void };
  const Database = require('better-sqlite3') as Sqlite;
  const db = new Database(path.join(APP_DIR, target));
  try {
    await work(async (sql, values = []) => {
      const statement = db.prepare(sql);
      return statement.reader ? statement.all(...values) : (statement.run(...values), []);
    });
  } finally {
    db.close();
  }
}

const documentId = (): string => randomBytes(12).toString('hex').slice(0, 24);

describe('scheduled publish and unpublish with two processes on one database', () => {
  const target = ON_POSTGRES ? `kabar_newsroom_${process.pid}_${randomBytes(4).toString('hex')}` : path.join('.tmp', 'production', `kabar_newsroom_${process.pid}.db`);
  const deliveries: Delivery[] = [];
  let receiver: http.Server;
  const servers: ProductionServer[] = [];

  beforeAll(async () => {
    if (ON_POSTGRES) await onPostgres('postgres', (client) => client.query(`CREATE DATABASE "${target}"`));
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const payload = JSON.parse(body) as { event: string; uid?: string; entry?: { documentId?: string } };
        if (payload.uid === 'api::article.article') deliveries.push({ event: payload.event, documentId: String(payload.entry?.documentId) });
        res.writeHead(204).end();
      });
    });
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await new Promise((resolve) => receiver.close(resolve));
    if (ON_POSTGRES) await onPostgres('postgres', (client) => client.query(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`));
    else for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(APP_DIR, target + suffix), { force: true });
  });

  // Three boots of a production server (about 10 s each, much more on a loaded machine) and the runs.
  it('carries out each due schedule exactly once, firing its event once', async () => {
    // A first boot creates the schema; it stops before anything is due.
    const first = await startProductionStrapi({ port: await freePort(1440), database: DATABASE, existingDatabase: target, logFile: path.join(LOG_DIR, 'schema.log') });
    await first.stop();

    // Webhooks are loaded at boot: the receiver is registered before the two processes start.
    const receiverPort = await freePort(1540);
    await new Promise<void>((resolve) => receiver.listen(receiverPort, '127.0.0.1', resolve));
    const publishIds = Array.from({ length: TO_PUBLISH }, documentId);
    const unpublishIds = Array.from({ length: TO_UNPUBLISH }, documentId);
    // Stored times as each database stores them: milliseconds (SQLite), timestamps (PostgreSQL).
    const time = (iso: string): unknown => (ON_POSTGRES ? iso : Date.parse(iso));
    const due = time('2001-01-01T00:00:00.000Z');
    const now = time('2026-01-01T00:00:00.000Z');
    const body = JSON.stringify([{ type: 'paragraph', children: [{ type: 'text', text: 'Isi berita terjadwal.' }] }]);
    await onDatabase(target, async (run) => {
      await run('insert into strapi_webhooks (name, url, headers, events, enabled) values (?, ?, ?, ?, ?)', [
        'schedule-test',
        `http://127.0.0.1:${receiverPort}/hook`,
        '{}',
        JSON.stringify(['entry.publish', 'entry.unpublish']),
        ON_POSTGRES ? true : 1,
      ]);
      const insert = (doc: string, slug: string, publishedAt: unknown, column: string) =>
        run(
          `insert into articles (document_id, title, slug, body, published_date, locale, created_at, updated_at, published_at, ${column}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [doc, `Artikel ${slug}`, slug, body, now, 'id', now, now, publishedAt, due]
        );
      for (const [index, doc] of publishIds.entries()) await insert(doc, `terbit-${index}`, null, 'scheduled_publish_at');
      for (const [index, doc] of unpublishIds.entries()) {
        await insert(doc, `turun-${index}`, null, 'scheduled_unpublish_at');
        await insert(doc, `turun-${index}`, now, 'scheduled_unpublish_at');
      }
    });

    // `info`: each run logs what it carried out, which shows how the two processes shared the work.
    const env = { NEWSROOM_SCHEDULE_INTERVAL: '1', LOG_LEVEL: 'info' };
    const ports = [await freePort(1460), await freePort(1480)];
    // Each is kept as soon as it is up, so afterAll stops it even if the other fails to start.
    await Promise.all(
      ports.map(async (port, index) => {
        const server = await startProductionStrapi({ port, database: DATABASE, existingDatabase: target, env, logFile: path.join(LOG_DIR, `process-${index}.log`) });
        servers.push(server);
      })
    );

    const expected = TO_PUBLISH + TO_UNPUBLISH;
    for (let waited = 0; deliveries.length < expected && waited < 90; waited += 1) await new Promise((resolve) => setTimeout(resolve, 1000));
    // A few more runs of both processes: a second publish would show up now.
    await new Promise((resolve) => setTimeout(resolve, 4000));

    const count = (event: string, doc: string): number => deliveries.filter((d) => d.event === event && d.documentId === doc).length;
    expect(publishIds.map((doc) => count('entry.publish', doc))).toEqual(publishIds.map(() => 1));
    expect(unpublishIds.map((doc) => count('entry.unpublish', doc))).toEqual(unpublishIds.map(() => 1));
    expect(deliveries).toHaveLength(expected);

    await onDatabase(target, async (run) => {
      const rows = (await run('select document_id, published_at, scheduled_publish_at, scheduled_unpublish_at from articles')) as Array<Record<string, unknown>>;
      for (const doc of publishIds) {
        const versions = rows.filter((row) => row.document_id === doc);
        expect(versions.map((row) => row.published_at === null).sort()).toEqual([false, true]);
        expect(versions.every((row) => row.scheduled_publish_at === null)).toBe(true);
      }
      for (const doc of unpublishIds) {
        const versions = rows.filter((row) => row.document_id === doc);
        expect(versions).toHaveLength(1);
        expect(versions[0]).toMatchObject({ published_at: null, scheduled_unpublish_at: null });
      }
    });
    // Both are public through either process.
    // What each process says it did adds up to the same: nothing was carried out twice or silently.
    const done = [0, 1].map((index) =>
      [...fs.readFileSync(path.join(LOG_DIR, `process-${index}.log`), 'utf8').matchAll(/Schedule: published (\d+), unpublished (\d+)/g)].reduce(
        (sum, match) => [sum[0]! + Number(match[1]), sum[1]! + Number(match[2])],
        [0, 0]
      )
    );
    process.stdout.write(`schedule runs: process 0 published/unpublished ${done[0]!.join('/')}, process 1 ${done[1]!.join('/')}\n`);
    expect([done[0]![0]! + done[1]![0]!, done[0]![1]! + done[1]![1]!]).toEqual([TO_PUBLISH, TO_UNPUBLISH]);
    expect(servers).toHaveLength(2);
    for (const server of servers) {
      const list = (await (await fetch(`${server.url}/api/articles?locale=id&pagination[pageSize]=100`)).json()) as { data: Array<{ slug: string }> };
      expect(list.data.map((a) => a.slug).sort()).toEqual(publishIds.map((_, index) => `terbit-${index}`).sort());
    }
  }, 600_000);
});
