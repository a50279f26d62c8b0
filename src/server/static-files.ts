// The built dashboard (web/dist), read into memory once and served with long caching for hashed assets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:web` writes the dashboard. */
export const defaultWebRoot = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const mediaTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StaticFile {
  body: Uint8Array;
  mediaType: string;
  /** Vite puts a content hash in every name under assets/, so those never change. */
  immutable: boolean;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
  });
}

/** Every file of the built dashboard by URL path (`/`, `/assets/index-abc.js`); empty when it has not been built. */
export function loadStaticFiles(root: string = defaultWebRoot): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(join(root, 'index.html'))) return files;
  for (const path of listFiles(root)) {
    const urlPath = `/${relative(root, path).split(sep).join('/')}`;
    files.set(urlPath, {
      body: readFileSync(path),
      mediaType: mediaTypes[extname(path)] ?? 'application/octet-stream',
      immutable: urlPath.startsWith('/assets/'),
    });
  }
  files.set('/', files.get('/index.html')!);
  return files;
}
