import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateDir, tightenFile } from '../../platform/private-files';

/**
 * A log file that never grows without bound: past `maxBytes` it becomes `<name>.1`, the one
 * before `<name>.2`, and so on; the oldest beyond `keep` is deleted. Writes are synchronous
 * appends (a line is either there whole or not at all, also when the app is killed).
 */
export class RotatingLog {
  private size: number;

  constructor(
    readonly path: string,
    private readonly maxBytes = 1024 * 1024,
    private readonly keep = 5,
  ) {
    ensurePrivateDir(dirname(path));
    tightenFile(path);
    this.size = existsSync(path) ? statSync(path).size : 0;
  }

  write(line: string): void {
    const bytes = Buffer.byteLength(line) + 1;
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    appendFileSync(this.path, `${line}\n`, { mode: 0o600 });
    this.size += bytes;
  }

  /** The last `count` lines over the current and earlier files, oldest first. */
  tail(count: number): string[] {
    const lines: string[] = [];
    for (let n = 0; n < this.keep && lines.length < count; n++) {
      const file = this.fileAt(n);
      if (!existsSync(file)) break;
      const own = readFileSync(file, 'utf8').split('\n').filter(Boolean);
      lines.unshift(...own.slice(-(count - lines.length)));
    }
    return lines;
  }

  /** The files that exist now, newest first. */
  files(): string[] {
    return Array.from({ length: this.keep }, (_, n) => this.fileAt(n)).filter((file) => existsSync(file));
  }

  private fileAt(n: number): string {
    return n === 0 ? this.path : `${this.path}.${n}`;
  }

  private rotate(): void {
    rmSync(this.fileAt(this.keep - 1), { force: true });
    for (let n = this.keep - 2; n >= 0; n--) {
      if (existsSync(this.fileAt(n))) renameSync(this.fileAt(n), this.fileAt(n + 1));
    }
    this.size = 0;
  }
}
