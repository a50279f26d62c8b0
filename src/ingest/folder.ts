// Expands folders into the files to read: recursive, sorted by name, skipping dotfiles and manifest-like sidecars.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { isManifestShape } from './manifest.ts';
import { isHttpUrl } from './url.ts';

/** Sidecars are small; a larger JSON file is an export and is not opened just to list it. */
const sidecarMaximumBytes = 5 * 1024 * 1024;

/**
 * The inputs with every folder replaced by the files `readInputs` will read from it, in the same order:
 * one entry per file, URL or `-`, so a caller can show progress against a total. Paths that do not exist are kept
 * (reading them reports the error).
 */
export async function listInputFiles(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === '-' || isHttpUrl(input)) {
      files.push(input);
      continue;
    }
    const stats = await stat(input).catch(() => null);
    if (stats?.isDirectory()) files.push(...(await walkFolder(input)));
    else files.push(input);
  }
  return files;
}

/**
 * The files under `folder`, depth first in code-unit order of names (the same on every machine). Dotfiles and
 * dot-folders, sockets and pipes, symbolic links to folders (they can loop) and JSON sidecars such as manifest.json
 * or gold annotations are left out; broken symbolic links stay in so reading them reports the problem.
 */
export async function walkFolder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const names = entries.filter((entry) => !entry.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of names) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      files.push(...(await walkFolder(path)));
    } else if (entry.isFile()) {
      if (!(await isSidecarJson(path))) files.push(path);
    } else if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (target === null || (target.isFile() && !(await isSidecarJson(path)))) files.push(path);
    }
  }
  return files;
}

/** Whether the file at `path` is JSON metadata about other files (documents naming a `file`, none with text). */
export async function isSidecarJson(path: string): Promise<boolean> {
  if (extname(path).toLowerCase() !== '.json') return false;
  try {
    const stats = await stat(path);
    if (stats.size > sidecarMaximumBytes) return false;
    return isManifestShape(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return false;
  }
}
