import fs from 'node:fs';
import path from 'node:path';

/**
 * Replaces a file's content atomically: write a temporary file in the same folder (same file
 * system, so the rename is atomic), fsync it, give it the original's mode (and owner when we
 * may), then rename it over the original. A crash or kill at any point leaves either the old
 * draft or the new one, never a truncated mix. Symlinks are followed: the target is replaced.
 * Returns false, writing nothing, when the content is unchanged.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): boolean {
  let target = file;
  let stat: fs.Stats | undefined;
  try {
    target = fs.realpathSync(file);
    stat = fs.statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (stat && stat.size === bytes.byteLength && fs.readFileSync(target).equals(bytes)) return false;

  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.postlint-tmp`);
  const mode = stat ? stat.mode & 0o7777 : 0o666 & ~process.umask();
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    try {
      fs.writeFileSync(fd, bytes);
      fs.fchmodSync(fd, mode);
      if (stat && typeof process.getuid === 'function' && process.getuid() === 0) fs.fchownSync(fd, stat.uid, stat.gid);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dir);
  return true;
}

// The rename itself is durable only once the folder is synced; not every platform allows it.
function syncFolder(dir: string) {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open folders; the rename is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
