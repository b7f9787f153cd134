import { parseArticleWithTrace } from '..';
import { redactPersonalData } from '../redact';

// Invented addresses and numbers; the shapes are the ones real pages print.
describe('redactPersonalData', () => {
  it.each([
    ['Kami telah mengirimkan link aktivasi melalui email ke pembaca.contoh@example.com.', 'Kami telah mengirimkan link aktivasi melalui email ke [email].'],
    ['Redaksi: redaksi[at]contoh.co.id', 'Redaksi: [email]'],
    ['hubungi : iklan (at) contoh.com', 'hubungi : [email]'],
    ['Telepon (021) 5551234 atau 0812-3456-7890', 'Telepon [phone] atau [phone]'],
    ['WhatsApp +62 812 3456 7890.', 'WhatsApp [phone].'],
    ['Nomor 081234567890 aktif', 'Nomor [phone] aktif'],
  ])('redacts %j', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it.each(['Jumat, 28 Oktober 2022 12:00 WIB', 'harga Rp 8.800 per liter', 'pada 09/02/2014 pukul 08.30', 'tahun 2022-2027', 'id 056838555'])(
    'leaves %j alone',
    (input) => {
      expect(redactPersonalData(input)).toBe(input);
    },
  );

  it('keeps every line and its number, so the trace still accounts for each one', () => {
    const text = 'Judul Artikel Contoh di Sini\n\nTEMPO.CO, Jakarta - Isi paragraf pertama yang cukup panjang untuk badan berita.\n\nTanggapan dapat dikirim ke penulis@contoh.id.';
    const { article, lines } = parseArticleWithTrace(text);
    expect(lines.map((l) => l.line)).toEqual([1, 3, 5]);
    expect(article.body[1]).toBe('Tanggapan dapat dikirim ke [email].');
    expect(JSON.stringify(article)).not.toContain('penulis@');
  });
});
