import type { Core } from '@strapi/strapi';
import { withBootLock } from './boot-lock';

interface FieldMetadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}
interface ViewConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, FieldMetadata>;
  layouts: { list: string[]; edit: unknown };
}
interface ContentTypesService {
  findConfiguration(contentType: unknown): Promise<ViewConfiguration>;
  updateConfiguration(contentType: unknown, configuration: ViewConfiguration): Promise<unknown>;
}

/** A field's name in the Content Manager and the short help under it, in the newsroom's language. */
type FieldText = readonly [label: string, description: string];

/**
 * Indonesian labels and descriptions of every field the editors see (the four types and the
 * correction component). Labels are per field, not per interface language: the newsroom works in
 * Indonesian, whichever language an editor picked for the admin's own menus.
 */
export const FIELD_TEXTS: Record<string, Record<string, FieldText>> = {
  'api::article.article': {
    title: ['Judul', 'Judul berita seperti yang dimuat.'],
    slug: ['Slug', 'Bagian alamat halaman: huruf kecil dan angka, dipisah tanda hubung.'],
    subtitle: ['Subjudul', 'Judul kecil atau ringkasan di bawah judul.'],
    section: ['Rubrik', 'Rubrik atau kanal, misalnya Internasional.'],
    body: ['Isi berita', 'Naskah berita, per paragraf.'],
    publishedDate: ['Tanggal terbit', 'Kapan media asal menerbitkan berita ini (bukan waktu terbit di CMS).'],
    dateline: ['Dateline', 'Tempat berita dibuat, misalnya Jakarta.'],
    outlet: ['Media', 'Media yang menerbitkan berita, misalnya Tempo.co.'],
    sourceName: ['Sumber', 'Baris "Sumber:" di akhir berita.'],
    originalUrl: ['URL asli', 'Alamat halaman berita di media asal.'],
    reporters: ['Penulis', 'Penulis atau desk yang tercantum pada byline.'],
    editors: ['Penyunting', 'Editor berita.'],
    translators: ['Penerjemah', 'Penerjemah, bila berita diterjemahkan.'],
    photos: ['Foto', 'Foto berita beserta keterangan dan kreditnya.'],
    relatedLinks: ['Tautan terkait', 'Baca juga dan berita terkait.'],
    linkedFrom: ['Ditautkan dari', 'Tautan terkait di berita lain yang menuju berita ini.'],
    corrections: ['Ralat dan hak jawab', 'Ralat, koreksi, hak jawab atau pembaruan, masing-masing dengan waktunya (Pedoman Pemberitaan Media Siber).'],
    withdrawnAt: ['Dicabut pada', 'Isi bila berita dicabut: halaman menjawab 410 dan hilang dari daftar, umpan dan peta situs.'],
    withdrawalReason: ['Alasan pencabutan', 'Wajib diumumkan bersama pencabutan.'],
    embargoedUntil: ['Embargo hingga', 'Berita yang sudah terbit tetap tersembunyi dari publik sampai waktu ini.'],
    scheduledPublishAt: ['Jadwal terbit', 'Terbitkan draf ini otomatis pada waktu ini.'],
    scheduledUnpublishAt: ['Jadwal turun', 'Batalkan penerbitan otomatis pada waktu ini.'],
  },
  'api::reporter.reporter': {
    name: ['Nama', 'Nama seperti tercantum di byline.'],
    slug: ['Slug', 'Bagian alamat halaman penulis.'],
    kind: ['Jenis', 'person: wartawan; desk: nama redaksi atau media.'],
    outlet: ['Media', 'Media tempat penulis bekerja.'],
    bio: ['Biografi', 'Keterangan singkat tentang penulis.'],
    articles: ['Berita yang ditulis', 'Berita dengan penulis ini pada byline.'],
    editedArticles: ['Berita yang disunting', 'Berita dengan penulis ini sebagai penyunting.'],
    translatedArticles: ['Berita yang diterjemahkan', 'Berita dengan penulis ini sebagai penerjemah.'],
  },
  'api::photo.photo': {
    caption: ['Keterangan foto', 'Keterangan seperti yang dimuat.'],
    altText: ['Teks alternatif', 'Deskripsi gambar untuk pembaca layar.'],
    credit: ['Kredit foto', 'Kredit seperti tercetak, misalnya ANTARA/Hafidz Mubarak.'],
    photographer: ['Fotografer', 'Nama fotografer dari kredit.'],
    agency: ['Agensi', 'Kantor berita atau agensi foto dari kredit.'],
    image: ['Gambar', 'Berkas gambar.'],
    position: ['Posisi', 'Jumlah paragraf sebelum foto; 0 = foto utama.'],
    article: ['Berita', 'Berita tempat foto ini dimuat.'],
  },
  'api::related-link.related-link': {
    title: ['Judul', 'Judul berita yang ditautkan.'],
    summary: ['Ringkasan', 'Ringkasan singkat, bila ada.'],
    url: ['URL', 'Alamat berita yang ditautkan.'],
    kind: ['Jenis', 'related: berita terkait; readAlso: baca juga.'],
    ageLabel: ['Label waktu', 'Seperti tercetak, misalnya "5 jam lalu".'],
    approxPublishedAt: ['Perkiraan waktu terbit', 'Dihitung dari label waktu.'],
    position: ['Posisi', 'Urutan tautan.'],
    article: ['Berita', 'Berita tempat tautan ini dimuat.'],
    target: ['Berita tujuan', 'Berita di CMS yang ditautkan, bila ada.'],
  },
  'newsroom.correction': {
    kind: ['Jenis', 'ralat, koreksi, hak-jawab (hak jawab) atau pembaruan.'],
    text: ['Teks', 'Isi ralat atau hak jawab seperti yang diumumkan.'],
    issuedAt: ['Waktu terbit', 'Kapan ralat atau hak jawab ini diumumkan.'],
  },
};

/** Bumped when FIELD_TEXTS change, so existing databases get the new texts once. */
const LABELS_VERSION = 1;

/** Bumped when the defaults below change, so existing databases get them once more. */
const VIEWS_VERSION = 1;

const hideFromEditors = (config: ViewConfiguration, field: string): void => {
  config.metadatas[field]!.edit = { ...config.metadatas[field]!.edit, visible: false, editable: false };
};

/**
 * How the Content Manager shows the newsroom types to editors, beyond Strapi's generated defaults:
 * photos named by their caption (not "Untitled"), listings that show what an editor scans for,
 * newest first, and the importer's bookkeeping fields out of the edit form (editing them would
 * break re-imports).
 */
const EDITOR_VIEWS: Record<string, (config: ViewConfiguration) => void> = {
  'api::article.article': (config) => {
    config.settings = { ...config.settings, defaultSortBy: 'publishedDate', defaultSortOrder: 'DESC' };
    config.layouts.list = ['title', 'publishedDate', 'section', 'outlet'];
    config.metadatas.photos!.edit = { ...config.metadatas.photos!.edit, mainField: 'caption' };
    config.metadatas.reporters!.edit = { ...config.metadatas.reporters!.edit, mainField: 'name' };
    hideFromEditors(config, 'importKey');
    hideFromEditors(config, 'contentHash');
  },
  'api::photo.photo': (config) => {
    config.settings = { ...config.settings, mainField: 'caption', defaultSortBy: 'id', defaultSortOrder: 'DESC' };
    config.layouts.list = ['caption', 'credit', 'position', 'article'];
  },
  'api::reporter.reporter': (config) => {
    config.settings = { ...config.settings, mainField: 'name', defaultSortBy: 'name' };
    config.layouts.list = ['name', 'kind', 'outlet'];
  },
  'api::related-link.related-link': (config) => {
    config.settings = { ...config.settings, mainField: 'title', defaultSortBy: 'id', defaultSortOrder: 'DESC' };
    config.layouts.list = ['title', 'kind', 'ageLabel', 'article'];
  },
};

/**
 * Applies EDITOR_VIEWS once per VIEWS_VERSION: an editor's later changes in the Content Manager's
 * "Configure the view" are kept across boots.
 */
export async function applyEditorViews(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'app', name: 'kabar' });
  await withBootLock(strapi, 'editor-views', async () => {
    if ((await store.get({ key: 'editor-views-version' })) === VIEWS_VERSION) return;
    const contentTypes = strapi.plugin('content-manager').service('content-types') as ContentTypesService;
    for (const [uid, adjust] of Object.entries(EDITOR_VIEWS)) {
      const contentType = strapi.contentType(uid as never);
      const config = await contentTypes.findConfiguration(contentType);
      adjust(config);
      await contentTypes.updateConfiguration(contentType, config);
    }
    await store.set({ key: 'editor-views-version', value: VIEWS_VERSION });
  });
}

/**
 * Gives every field its Indonesian label and description (FIELD_TEXTS), once per LABELS_VERSION,
 * and only where the editors have not named the field themselves: a label still equal to Strapi's
 * default (the field's own name) or to an earlier text of ours is replaced, any other is kept.
 */
export async function applyIndonesianLabels(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'app', name: 'kabar' });
  await withBootLock(strapi, 'editor-labels', async () => {
    if ((await store.get({ key: 'editor-labels-version' })) === LABELS_VERSION) return;
    const contentManager = strapi.plugin('content-manager');
    for (const [uid, texts] of Object.entries(FIELD_TEXTS)) {
      const isComponent = !uid.includes('::');
      const service = contentManager.service(isComponent ? 'components' : 'content-types') as ContentTypesService;
      const schema = isComponent ? strapi.components[uid as never] : strapi.contentType(uid as never);
      const config = await service.findConfiguration(schema);
      for (const [field, [label, description]] of Object.entries(texts)) {
        const metadata = config.metadatas[field];
        if (!metadata) continue;
        const ours = (current: unknown): boolean => current === undefined || current === '' || current === field || current === label;
        if (ours(metadata.edit.label)) metadata.edit = { ...metadata.edit, label, description };
        if (ours(metadata.list.label)) metadata.list = { ...metadata.list, label };
      }
      await service.updateConfiguration(schema, config);
    }
    await store.set({ key: 'editor-labels-version', value: LABELS_VERSION });
  });
}
