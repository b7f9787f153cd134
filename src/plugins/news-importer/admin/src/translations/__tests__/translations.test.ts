import en from '../en.json';
import id from '../id.json';

/** The ICU arguments a message uses (`{count}`, `{count, plural, …}`), sorted. */
const argumentsOf = (message: string): string[] => [...new Set([...message.matchAll(/\{\s*([a-zA-Z]+)\s*[,}]/g)].map((match) => match[1]))].sort();

describe('news-importer admin translations', () => {
  it('has the same keys in Bahasa Indonesia and English', () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
  });

  it('fills the same arguments in both languages, and leaves no message empty', () => {
    const mismatches = Object.keys(en).filter((key) => {
      const english = en[key as keyof typeof en];
      const indonesian = id[key as keyof typeof id];
      return english.trim() === '' || indonesian.trim() === '' || argumentsOf(english).join() !== argumentsOf(indonesian).join();
    });
    expect(mismatches).toEqual([]);
  });

  it('names the menu entry as the newsroom asked', () => {
    expect(id['plugin.name']).toBe('Impor Berita');
    expect(en['plugin.name']).toBe('News import');
  });
});
