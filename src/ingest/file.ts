// Reads one file's bytes, bounded in size, with a coded error for a missing, special or unreadable path.
import { lstat, open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { InputError } from '../doc/errors.ts';
import { tooLargeError } from './byte-limit.ts';

const readChunkBytes = 64 * 1024;

/** The bytes of the regular file at `path` (symbolic links followed); throws `ingest:not-found`, `ingest:unreadable` or `ingest:too-large`. */
export async function readFileBytes(path: string, maxBytes: number): Promise<Buffer> {
  const stats = await statFile(path);
  if (!stats.isFile()) throw new InputError('ingest:unreadable', path, `not a regular file (${describeFileType(stats)})`);
  if (stats.size > maxBytes) throw tooLargeError(path, maxBytes, `the file has ${stats.size} bytes`);
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw accessError(error, path);
  }
  try {
    // Read to the limit rather than trusting the size: files can grow, and some report a size of 0.
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(readChunkBytes);
      const { bytesRead } = await handle.read(chunk, 0, readChunkBytes, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLargeError(path, maxBytes, 'the file grew past it while being read');
      parts.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(parts, total);
  } catch (error) {
    throw error instanceof InputError ? error : accessError(error, path);
  } finally {
    await handle.close();
  }
}

/** `stat` of `path`, telling a missing path from a dangling symbolic link. */
export async function statFile(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      const link = await lstat(path).catch(() => null);
      if (link?.isSymbolicLink()) throw new InputError('ingest:unreadable', path, 'a symbolic link to a path that does not exist');
      throw new InputError('ingest:not-found', path, 'no such file or folder');
    }
    throw accessError(error, path);
  }
}

function accessError(error: unknown, path: string): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return new InputError('ingest:unreadable', path, 'permission denied');
  if (code === 'ELOOP') return new InputError('ingest:unreadable', path, 'a loop of symbolic links');
  if (code === 'EISDIR') return new InputError('ingest:unreadable', path, 'a folder, not a file');
  return new InputError('ingest:unreadable', path, `cannot be read (${code ?? (error as Error).message})`);
}

function describeFileType(stats: Stats): string {
  if (stats.isSocket()) return 'a socket';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isDirectory()) return 'a folder';
  return 'a special file';
}
