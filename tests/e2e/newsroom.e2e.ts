/**
 * Newsroom publishing as an editor does it, in Chromium against a production build: in the Content
 * Manager (Indonesian interface and field labels) add a correction to the seeded article and publish,
 * check the public page, its JSON-LD and the RSS feed; then withdraw another article and check its page
 * answers 410 with the reason and the article left the feed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { adminApi, APP_DIR, createRunner, type Browsing, type RunningServer, type TestResult } from './harness';
import { eventually, logIn, shot, SUPER_ADMIN, SUPPLIED_FILE, SUPPLIED_TITLE, tokenOf } from './importer.e2e';
import { SEED_SLUG } from '../helpers/seed';

const CORRECTION = {
  kind: 'koreksi',
  text: 'Sebelumnya tertulis Menteri Pertahanan; yang benar Menteri Luar Negeri.',
  // Typed in the admin's Indonesian date format; the time stays 00.00. The browser runs in UTC.
  date: '29/10/2022',
  issuedAt: '2022-10-29T00:00:00.000Z',
  // The same instant in WIB, as the JSON-LD gives it.
  datePublished: '2022-10-29T07:00:00+07:00',
};
/** The other article, withdrawn in the admin: the corrected one stays public. */
const OTHER_FILE = path.join(APP_DIR, 'tests', 'fixtures', 'tempo', 'tempo-amp-2020-08-19-jokowi-resmikan-bendungan-logung.txt');
const OTHER_TITLE = 'Jokowi Resmikan Bendungan Logung di Kudus';
const WITHDRAWAL = {
  date: '01/11/2022',
  withdrawnAt: '2022-11-01T00:00:00.000Z',
  reason: 'Dicabut atas permintaan narasumber karena memuat data pribadi.',
};

interface Correction {
  kind: string;
  text: string;
  issuedAt: string;
}

const getJson = async (server: RunningServer, route: string): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(`${server.url}${route}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const getText = async (server: RunningServer, route: string): Promise<{ status: number; text: string }> => {
  const response = await fetch(`${server.url}${route}`);
  return { status: response.status, text: await response.text() };
};

/** The Content Manager's field group (a date-time field is a group of a date and a time input) named by its label. */
const fieldGroup = (scope: Page | Locator, label: string): Locator => scope.getByRole('group', { name: new RegExp(`^${label}`) });

/** Types a date (DD/MM/YYYY) into a date-time field's date input and confirms it, as a keyboard user does. */
async function typeDate(scope: Page | Locator, label: string, date: string): Promise<void> {
  const input = fieldGroup(scope, label).getByRole('combobox').first();
  await input.click();
  await input.pressSequentially(date);
  await input.press('Enter');
  await eventually(`the date in "${label}"`, () => input.inputValue(), (value) => value === date);
}

/** Clicks "Terbit" (Publish) and waits until the admin says it is published. */
async function publish(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Terbit', exact: true });
  await button.click();
  // Strapi asks first when the article links to unpublished entries; then the confirm is "Terbit" too.
  const dialog = page.getByRole('alertdialog');
  // Published and unmodified: nothing left to publish.
  await eventually(
    'the publish button after publishing',
    async () => {
      if (await dialog.isVisible().catch(() => false)) await dialog.getByRole('button', { name: 'Terbit', exact: true }).click();
      return button.isDisabled();
    },
    (disabled) => disabled,
    30_000
  );
}

export async function runNewsroomScenarios(server: RunningServer, browsing: Browsing): Promise<TestResult[]> {
  let page: Page | null = null;
  const { test, results } = createRunner(() => page);
  const p = (): Page => page as Page;
  let documentId = '';
  let other = { documentId: '', slug: '' };

  await test(
    'the seeded article is published (imported through news-importer if the importer checks did not)',
    async () => {
      const token = await tokenOf(server, SUPER_ADMIN);
      // The Content Manager's labels are Indonesian anyway; this makes its own menus Indonesian too.
      await adminApi(server, 'PUT', '/admin/users/me', token, { preferedLanguage: 'id' });
      await adminApi(server, 'POST', '/news-importer/import', token, { text: fs.readFileSync(SUPPLIED_FILE, 'utf8'), fileName: 'seed.txt' });
      const page = await getJson(server, `/api/articles/slug/${SEED_SLUG}?locale=id`);
      assert.equal(page.status, 200);
      const data = page.body.data as { documentId: string; title: string; corrections: Correction[] };
      assert.equal(data.title, SUPPLIED_TITLE);
      assert.deepEqual(data.corrections, [], 'no correction yet');
      documentId = data.documentId;
      await adminApi(server, 'POST', '/news-importer/import', token, { text: fs.readFileSync(OTHER_FILE, 'utf8'), fileName: 'bendungan.txt' });
      const found = await getJson(server, `/api/articles?locale=id&filters[title][$eq]=${encodeURIComponent(OTHER_TITLE)}&fields[0]=slug`);
      const rows = found.body.data as Array<{ documentId: string; slug: string }>;
      assert.equal(rows.length, 1, 'the other article is published');
      other = rows[0]!;
      const rss = await getText(server, '/api/feeds/rss?locale=id');
      assert.ok(rss.text.includes(`/id/${SEED_SLUG}</link>`), 'listed in the RSS feed');
      assert.ok(rss.text.includes(`/id/${other.slug}</link>`), 'the other article is listed in the RSS feed');
    },
    { required: true }
  );

  const context = await browsing.newContext();
  page = await context.newPage();
  p().setDefaultTimeout(20_000);

  await test(
    'opens the article in the Content Manager, Indonesian labels',
    async () => {
      await logIn(p(), server, SUPER_ADMIN);
      await p().evaluate("window.localStorage.setItem('strapi-admin-language', 'id')");
      await p().goto(`${server.url}/admin/content-manager/collection-types/api::article.article/${documentId}?plugins[i18n][locale]=id`);
      await eventually('the title field', () => p().getByRole('textbox', { name: /^Judul/ }).first().inputValue().catch(() => ''), (v) => v === SUPPLIED_TITLE);
      // A repeatable field's label carries its count: "Ralat dan hak jawab (0)".
      await p().getByText(/^Ralat dan hak jawab/).first().waitFor();
      await shot(p(), '20-article-edit-id');
    },
    { required: true }
  );

  await test('adds a correction (kind, text, time) and publishes it', async () => {
    await p().getByRole('button', { name: /^Belum ada entri/ }).click();
    const kind = p().getByRole('combobox', { name: /^Jenis/ });
    await kind.click();
    await p().getByRole('option', { name: CORRECTION.kind, exact: true }).click();
    await p().getByRole('textbox', { name: /^Teks/ }).fill(CORRECTION.text);
    await typeDate(p(), 'Waktu terbit', CORRECTION.date);
    await shot(p(), '21-correction-filled-id');
    await publish(p());
    await shot(p(), '22-correction-published-id');
  }, { required: true });

  await test('the page and its JSON-LD show the correction; the RSS feed still lists the article', async () => {
    const page = await eventually(
      'the corrections on the page',
      () => getJson(server, `/api/articles/slug/${SEED_SLUG}?locale=id`),
      (answer) => ((answer.body.data as { corrections?: unknown[] } | undefined)?.corrections ?? []).length > 0,
      5_000
    );
    assert.equal(page.status, 200);
    const corrections = (page.body.data as { corrections: Correction[] }).corrections;
    assert.deepEqual(corrections.map(({ kind, text, issuedAt }) => ({ kind, text, issuedAt })), [
      { kind: CORRECTION.kind, text: CORRECTION.text, issuedAt: CORRECTION.issuedAt },
    ]);
    const jsonld = await getJson(server, `/api/articles/slug/${SEED_SLUG}/jsonld?locale=id`);
    assert.equal(jsonld.status, 200);
    assert.deepEqual(jsonld.body.correction, [{ '@type': 'CorrectionComment', text: CORRECTION.text, datePublished: CORRECTION.datePublished }]);
    assert.ok(String(jsonld.body.dateModified) >= CORRECTION.datePublished, `dateModified ${String(jsonld.body.dateModified)}`);
    const rss = await getText(server, '/api/feeds/rss?locale=id');
    assert.equal(rss.status, 200);
    assert.ok(rss.text.includes(`/id/${SEED_SLUG}</link>`), 'still in the RSS feed');
  });

  await test('withdraws another article (Dicabut pada, Alasan pencabutan) and publishes', async () => {
    await p().goto(`${server.url}/admin/content-manager/collection-types/api::article.article/${other.documentId}?plugins[i18n][locale]=id`);
    await eventually('the title field', () => p().getByRole('textbox', { name: /^Judul/ }).first().inputValue().catch(() => ''), (v) => v === OTHER_TITLE);
    await typeDate(p(), 'Dicabut pada', WITHDRAWAL.date);
    await p().getByRole('textbox', { name: /^Alasan pencabutan/ }).fill(WITHDRAWAL.reason);
    await shot(p(), '23-withdrawal-filled-id');
    await publish(p());
    await shot(p(), '24-withdrawal-published-id');
  }, { required: true });

  await test('its page answers 410 Gone with the reason and it left the RSS and Atom feeds; the corrected article stays', async () => {
    const gone = await eventually('the page status', () => getJson(server, `/api/articles/slug/${other.slug}?locale=id`), (answer) => answer.status !== 200, 5_000);
    assert.equal(gone.status, 410);
    assert.deepEqual(gone.body.data, { title: OTHER_TITLE, withdrawnAt: WITHDRAWAL.withdrawnAt, withdrawalReason: WITHDRAWAL.reason });
    assert.equal((gone.body.error as { name: string }).name, 'GoneError');
    assert.equal((await getJson(server, `/api/articles/slug/${other.slug}/jsonld?locale=id`)).status, 410);
    const rss = await getText(server, '/api/feeds/rss?locale=id');
    assert.equal(rss.status, 200);
    assert.ok(!rss.text.includes(other.slug) && !rss.text.includes(OTHER_TITLE), 'gone from the RSS feed');
    assert.ok(rss.text.includes(`/id/${SEED_SLUG}</link>`), 'the corrected article is still in the RSS feed');
    const atom = await getText(server, '/api/feeds/atom?locale=id');
    assert.equal(atom.status, 200);
    assert.ok(!atom.text.includes(other.slug) && !atom.text.includes(OTHER_TITLE), 'gone from the Atom feed');
    assert.ok(atom.text.includes(`/id/${SEED_SLUG}"`), 'the corrected article is still in the Atom feed');
    assert.equal((await getJson(server, `/api/articles/slug/${SEED_SLUG}?locale=id`)).status, 200);
  });

  await context.close();
  return results;
}
