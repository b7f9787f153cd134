/**
 * The news-importer page as an editor uses it, in Chromium against a production build:
 * log in, open the page, paste, preview, import, open in the Content Manager, import again
 * (unchanged), import from files (one broken), the history, English, undo from the history, and an
 * admin without the permission.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { adminApi, APP_DIR, ARTIFACTS_DIR, createRunner, type Browsing, type RunningServer, type TestResult } from './harness';

const FIXTURES = path.join(APP_DIR, 'tests', 'fixtures', 'tempo');
const PASTED = {
  text: fs.readFileSync(path.join(FIXTURES, 'tempo-2024-05-13-israel-perintahkan-evakuasi-warga-rafah-timur.txt'), 'utf8'),
  title: 'Israel Perintahkan Evakuasi Warga Rafah Timur',
  editor: 'Sita Planasari',
  // 2024-05-13T14:05:00+07:00, in the admin's language, in WIB (the browser runs in UTC).
  publishedId: /13 Mei 2024.*14[.:]05 WIB/,
};
const ENGLISH = {
  text: fs.readFileSync(path.join(FIXTURES, 'en-tempo-2020-01-20-south-korea-confirms-first-coronavirus-case.txt'), 'utf8'),
  title: 'South Korea Confirms First Case of New Coronavirus',
  translator: 'Ricky Mohammad Nugraha',
  publishedEn: /January 20, 2020.*13:31 WIB/,
};
/** The supplied article, as an editor would have it: a .txt file. */
export const SUPPLIED_FILE = path.join(APP_DIR, 'database', 'seeds', 'tempo-2022-10-28-cina-dan-rusia-janji-akan-saling-dukung.txt');
export const SUPPLIED_TITLE = 'Cina dan Rusia Janji Akan Saling Dukung';
/** A page copied without its headline: the parser refuses it at line 5. */
const BROKEN_FILE = path.join(__dirname, 'fixtures', 'potongan-tanpa-judul.txt');

export const SUPER_ADMIN = { firstname: 'Rina', lastname: 'Redaktur', email: 'redaktur@kabar.test', password: 'Sandi-Uji-2024' };
const NO_PERMISSION = { firstname: 'Budi', lastname: 'Penulis', email: 'penulis@kabar.test', password: 'Sandi-Uji-2024' };
const PAGE_PATH = '/admin/plugins/news-importer';

/** Polls until `read()` satisfies `check`, or fails with the last value seen. */
export async function eventually<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (check(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const textOf = async (locator: Locator): Promise<string> => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function expectText(locator: Locator, expected: string | RegExp): Promise<string> {
  return eventually(
    `text of ${locator}`,
    () => textOf(locator.first()).catch(() => ''),
    (text) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text))
  );
}

/**
 * Saves a screenshot of the whole page. The admin scrolls inside its own layout, not the document, so
 * the window is made as tall as the content for the shot.
 */
export async function shot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1440, height: 1000 };
  const height = Number(await page.evaluate('Math.max(...[...document.querySelectorAll("main, main *")].map((el) => el.scrollHeight), document.body.scrollHeight)'));
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height + 120, viewport.height), 8000) });
  try {
    await page.waitForTimeout(300); // layout settles
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
  } finally {
    await page.setViewportSize(viewport);
  }
}

export async function logIn(page: Page, server: RunningServer, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${server.url}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/auth'), { timeout: 30_000 });
}

/** The card of one text on the page: the pasted text, or a file by name. */
const card = (page: Page, name: string): Locator =>
  page.locator('[data-testid="import-item"]').filter({ has: page.locator('[data-testid="item-name"]', { hasText: name }) });

async function paste(page: Page, text: string): Promise<void> {
  await page.locator('textarea[name="text"]').fill(text);
}

/** The Content Manager link of a finished import, checked to open the article in `locale`. */
async function contentManagerLink(item: Locator, locale: string): Promise<string> {
  const href = await item.locator('[data-testid="item-open-link"]').getAttribute('href');
  assert.ok(href, 'the result has a Content Manager link');
  const decoded = decodeURIComponent(href);
  assert.match(decoded, /^\/admin\/content-manager\/collection-types\/api::article\.article\/[a-z0-9]+\?/);
  assert.ok(decoded.endsWith(`plugins[i18n][locale]=${locale}`), `link ${decoded} opens locale ${locale}`);
  return href;
}

/** The Content Manager's edit view shows this title in its title field. */
async function expectContentManagerTitle(page: Page, title: string, locale: string): Promise<void> {
  await page.waitForURL((url) => url.pathname.includes('/content-manager/collection-types/api::article.article/'));
  assert.ok(decodeURIComponent(page.url()).includes(`plugins[i18n][locale]=${locale}`), `Content Manager opened in ${locale}: ${page.url()}`);
  await eventually('the title field', () => page.locator('input[name="title"]').inputValue().catch(() => ''), (value) => value === title);
}

/** Runs every check; returns their results (the caller prints the summary). */
export async function runImporterScenarios(server: RunningServer, browsing: Browsing): Promise<TestResult[]> {
  let page: Page | null = null;
  const missingTranslations = new Set<string>();
  const watch = (target: Page): Page => {
    target.setDefaultTimeout(20_000);
    target.on('console', (message) => {
      const text = message.text();
      if (/MISSING_TRANSLATION/.test(text) && text.includes('news-importer.')) missingTranslations.add(text.slice(0, 200));
    });
    return target;
  };
  const { test, results } = createRunner(() => page);

  let token = '';
  await test(
    'creates the first super admin on the empty instance (POST /admin/register-admin), Indonesian interface',
    async () => {
      const registered = await adminApi<{ data: { token: string } }>(server, 'POST', '/admin/register-admin', null, SUPER_ADMIN);
      token = registered.data.token;
      await adminApi(server, 'PUT', '/admin/users/me', token, { preferedLanguage: 'id' });
    },
    { required: true }
  );

  const context = await browsing.newContext();
  page = watch(await context.newPage());
  const p = (): Page => page as Page;

  await test(
    'logs in through the admin login form',
    async () => {
      await logIn(p(), server, SUPER_ADMIN);
    },
    { required: true }
  );

  await test(
    'shows the menu entry "Impor Berita" and opens the page',
    async () => {
      const link = p().locator(`nav a[href="${PAGE_PATH}"]`);
      await expectText(link, 'Impor Berita').catch(async () => {
        // The collapsed menu shows icons: the name is the link's accessible label.
        assert.equal(await link.getAttribute('aria-label').then((label) => label ?? ''), 'Impor Berita');
      });
      await link.click();
      await p().waitForURL(`**${PAGE_PATH}`);
      await p().getByRole('heading', { name: 'Impor Berita', level: 1 }).waitFor();
      await p().locator('textarea[name="text"]').waitFor();
    },
    { required: true }
  );

  await test('previews a pasted article: title, byline and publication time in WIB, nothing imported yet', async () => {
    await paste(p(), PASTED.text);
    const item = card(p(), 'Teks yang ditempel');
    await expectText(item.locator('[data-testid="preview-title"]'), PASTED.title);
    await expectText(item.locator('[data-testid="preview-editors"]'), PASTED.editor);
    const published = await expectText(item.locator('[data-testid="preview-published-at"]'), PASTED.publishedId);
    assert.match(published, /^Terbit/);
    await expectText(item.locator('[data-testid="item-plan"]'), 'Akan dibuat');
    await expectText(item.locator('[data-testid="item-phase"]'), 'Siap diimpor');
    await expectText(item.locator('[data-testid="preview-warnings"]'), 'Baris 13');
    await shot(p(), '01-preview-id');
    // The discarded lines are collapsed until asked for; then each shows its line number and reason.
    assert.equal(await item.locator('[data-testid="preview-discarded"]').count(), 0, 'discarded lines start collapsed');
    await item.getByRole('button', { name: /Baris yang dibuang \(\d+\)/ }).click();
    await expectText(item.locator('[data-testid="preview-discarded"]'), /Baris 33\s*iklan\s*Iklan/);
    await shot(p(), '01b-preview-discarded-id');
  });

  let firstHref = '';
  await test('imports it with one click and links to the Content Manager in locale id', async () => {
    await p().locator('[data-testid="import-button"]').click();
    const item = card(p(), 'Teks yang ditempel');
    await expectText(item.locator('[data-testid="item-phase"]'), 'Sudah diimpor');
    await expectText(item.locator('[data-testid="item-result-action"]'), 'Dibuat');
    firstHref = await contentManagerLink(item, 'id');
    await expectText(p().locator('[data-testid="import-summary"]'), '1 teks diimpor');
    await shot(p(), '02-result-id');
  });

  await test('follows the link and sees the Indonesian title in the Content Manager', async () => {
    assert.ok(firstHref, 'the import produced a link');
    await card(p(), 'Teks yang ditempel').locator('[data-testid="item-open-link"]').click();
    await expectContentManagerTitle(p(), PASTED.title, 'id');
    await shot(p(), '03-content-manager-id');
  });

  await test('imports the same text again and sees "unchanged"', async () => {
    await p().goBack();
    await p().locator('textarea[name="text"]').waitFor();
    await paste(p(), PASTED.text);
    const item = card(p(), 'Teks yang ditempel');
    await expectText(item.locator('[data-testid="item-plan"]'), 'Tidak berubah');
    await p().locator('[data-testid="import-button"]').click();
    await expectText(item.locator('[data-testid="item-result-action"]'), 'Tidak berubah');
    assert.equal(await contentManagerLink(item, 'id'), firstHref, 'the same article');
    await shot(p(), '04-unchanged-id');
  });

  await test('shows the error of a pasted text under the input, with its line number, and imports nothing', async () => {
    await paste(p(), fs.readFileSync(BROKEN_FILE, 'utf8'));
    const field = p().locator('[data-testid="import-source"]');
    await expectText(field, /Baris 5: Judul tidak ditemukan.*\(NO_TITLE\)/);
    await expectText(card(p(), 'Teks yang ditempel').locator('[data-testid="item-phase"]'), 'Ada kesalahan');
    assert.equal(await p().locator('[data-testid="import-button"]').isDisabled(), true, 'nothing to import');
    await shot(p(), '05-paste-error-id');
  });

  await test('imports the supplied article from a file; a broken file shows its line and is not imported', async () => {
    await p().getByRole('button', { name: 'Kosongkan' }).click();
    await p().locator('[data-testid="file-input"]').setInputFiles([SUPPLIED_FILE, BROKEN_FILE]);
    const supplied = card(p(), path.basename(SUPPLIED_FILE));
    const broken = card(p(), path.basename(BROKEN_FILE));
    await expectText(supplied.locator('[data-testid="preview-title"]'), SUPPLIED_TITLE);
    await expectText(supplied.locator('[data-testid="preview-desk"]'), 'Tempo.co');
    await expectText(supplied.locator('[data-testid="item-plan"]'), 'Akan dibuat');
    await expectText(broken.locator('[data-testid="item-phase"]'), 'Ada kesalahan');
    await expectText(broken.locator('[data-testid="item-problem"]'), 'Baris 5');
    await expectText(broken.locator('[data-testid="item-problem"]'), 'NO_TITLE');
    await shot(p(), '06-files-preview-id');

    await p().locator('[data-testid="import-button"]').click();
    await expectText(supplied.locator('[data-testid="item-result-action"]'), 'Dibuat');
    await expectText(broken.locator('[data-testid="item-phase"]'), 'Ada kesalahan');
    assert.equal(await broken.locator('[data-testid="item-result"]').count(), 0, 'nothing imported from the broken file');
    await expectText(p().locator('[data-testid="import-summary"]'), '1 tidak diimpor');
    await shot(p(), '07-files-result-id');

    const found = await fetch(`${server.url}/api/articles?locale=id&filters[title][$eq]=${encodeURIComponent(SUPPLIED_TITLE)}`).then((r) => r.json() as Promise<{ data: unknown[] }>);
    assert.equal(found.data.length, 1, 'the supplied article is published');

    await contentManagerLink(supplied, 'id');
    await supplied.locator('[data-testid="item-open-link"]').click();
    await expectContentManagerTitle(p(), SUPPLIED_TITLE, 'id');
  });

  await test('lists the imports in the history: when, who, file or title, action, result', async () => {
    await p().goto(`${server.url}${PAGE_PATH}`);
    const rows = p().locator('[data-testid="history-row"]');
    await eventually('history rows', () => rows.count(), (n) => n === 3);
    const newest = await textOf(rows.nth(0));
    assert.ok(newest.includes(path.basename(SUPPLIED_FILE)) && newest.includes(SUPPLIED_TITLE), newest);
    assert.ok(newest.includes('Rina Redaktur') && newest.includes('Dibuat') && newest.includes('OK'), newest);
    assert.match(newest, /WIB|\d{4}/);
    assert.ok((await textOf(rows.nth(1))).includes('Tidak berubah'));
    await shot(p(), '08-history-id');
  });

  await test('speaks English when the admin language is English (menu, page, preview, WIB time)', async () => {
    await adminApi(server, 'PUT', '/admin/users/me', token, { preferedLanguage: 'en' });
    await p().evaluate("window.localStorage.setItem('strapi-admin-language', 'en')");
    await p().reload();
    await p().getByRole('heading', { name: 'News import', level: 1 }).waitFor();
    const link = p().locator(`nav a[href="${PAGE_PATH}"]`);
    await expectText(link, 'News import').catch(async () => assert.equal(await link.getAttribute('aria-label'), 'News import'));
    await paste(p(), ENGLISH.text);
    const item = card(p(), 'Pasted text');
    await expectText(item.locator('[data-testid="preview-title"]'), ENGLISH.title);
    await expectText(item.locator('[data-testid="preview-translators"]'), ENGLISH.translator);
    await expectText(item.locator('[data-testid="preview-published-at"]'), ENGLISH.publishedEn);
    await expectText(item.locator('[data-testid="item-plan"]'), 'Will be created');
    await shot(p(), '09-preview-en');
    await p().locator('[data-testid="import-button"]').click();
    await expectText(item.locator('[data-testid="item-result-action"]'), 'Created');
    await contentManagerLink(item, 'en');
    await shot(p(), '10-result-en');
    await item.locator('[data-testid="item-open-link"]').click();
    await expectContentManagerTitle(p(), ENGLISH.title, 'en');
  });

  await test('undoes the English import with its Undo button in the history: the article is gone', async () => {
    const englishArticles = async (): Promise<number> =>
      (await adminApi<{ pagination: { total: number } }>(server, 'GET', '/content-manager/collection-types/api::article.article?locale=en&page=1&pageSize=10', token)).pagination.total;
    const before = await englishArticles();
    assert.ok(before >= 1, `the English import made an article (${before})`);
    await p().goto(`${server.url}${PAGE_PATH}`);
    const newest = p().locator('[data-testid="history-row"]').nth(0);
    await expectText(newest, new RegExp(ENGLISH.title.slice(0, 20)));
    p().once('dialog', (dialog) => void dialog.accept());
    await newest.locator('[data-testid="history-undo"]').click();
    await expectText(p().locator('[data-testid="undo-result"]'), /undone/i);
    await eventually('English articles after the undo', englishArticles, (n) => n === before - 1);
    await expectText(p().locator('[data-testid="history-row"]').nth(0), /Undone/);
    await shot(p(), '11-undone-en');
  });

  await test('hides the menu entry and the page from an admin without the import permission', async () => {
    const roles = await adminApi<{ data: Array<{ id: number; code: string }> }>(server, 'GET', '/admin/roles', token);
    const editorRole = roles.data.find((role) => role.code === 'strapi-editor');
    assert.ok(editorRole, 'the Editor role exists');
    const created = await adminApi<{ data: { registrationToken: string } }>(server, 'POST', '/admin/users', token, {
      firstname: NO_PERMISSION.firstname,
      lastname: NO_PERMISSION.lastname,
      email: NO_PERMISSION.email,
      roles: [editorRole.id],
    }, 201);
    await adminApi(server, 'POST', '/admin/register', null, {
      registrationToken: created.data.registrationToken,
      userInfo: { firstname: NO_PERMISSION.firstname, lastname: NO_PERMISSION.lastname, password: NO_PERMISSION.password },
    });
    const other = await browsing.newContext();
    const previous = page;
    page = watch(await other.newPage());
    try {
      await logIn(p(), server, NO_PERMISSION);
      await p().locator('nav a[href="/admin/content-manager"]').first().waitFor();
      assert.equal(await p().locator(`nav a[href="${PAGE_PATH}"]`).count(), 0, 'no menu entry');
      await p().goto(`${server.url}${PAGE_PATH}`);
      await eventually('the page content', () => textOf(p().locator('main')).catch(() => ''), (text) => text.length > 0);
      assert.equal(await p().locator('textarea[name="text"]').count(), 0, 'no importer form');
      await shot(p(), '11-no-permission');
      const refused = await fetch(`${server.url}/news-importer/history`, { headers: { Authorization: `Bearer ${await tokenOf(server, NO_PERMISSION)}` } });
      assert.equal(refused.status, 403);
    } finally {
      await other.close();
      page = previous;
    }
  });

  await test('every string of the page has a translation in both languages', async () => {
    assert.deepEqual([...missingTranslations], []);
  });

  await context.close();
  return results;
}

export async function tokenOf(server: RunningServer, user: { email: string; password: string }): Promise<string> {
  const login = await adminApi<{ data: { token: string } }>(server, 'POST', '/admin/login', null, { email: user.email, password: user.password });
  return login.data.token;
}
