import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { TestApp } from './strapi';

/**
 * A 400×300 PNG of one colour through Strapi's own upload service (which makes its `thumbnail`
 * format), as an editor's upload would be stored. Returns the file's id.
 */
export async function uploadTestImage(app: TestApp, background = '#336699'): Promise<number> {
  const file = path.join(os.tmpdir(), `kabar-image-${process.pid}-${background.slice(1)}.png`);
  await sharp({ create: { width: 400, height: 300, channels: 3, background } }).png().toFile(file);
  try {
    const [uploaded] = (await app.strapi.plugin('upload').service('upload').upload({
      data: { fileInfo: { name: 'wang-yi.png', alternativeText: 'Wang Yi', caption: 'Wang Yi' } },
      files: { filepath: file, originalFilename: 'wang-yi.png', mimetype: 'image/png', size: fs.statSync(file).size },
    })) as Array<{ id: number }>;
    return uploaded!.id;
  } finally {
    fs.rmSync(file, { force: true });
  }
}
