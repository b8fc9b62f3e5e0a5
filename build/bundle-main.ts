import { cp, mkdir } from 'node:fs/promises';
import { build } from 'esbuild';

// Bundles the Node side for Electron: main process and backend worker as ESM, the preload as
// CommonJS (sandboxed preloads cannot be ESM). Native better-sqlite3 and electron stay external.
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' } as const;

await build({
  ...common,
  format: 'esm',
  entryPoints: {
    'electron-main': 'src/main/electron/main.ts',
    'backend-worker': 'src/main/backend/backend-worker.ts',
  },
  outdir: 'dist/main',
  outExtension: { '.js': '.mjs' },
  external: ['electron', 'better-sqlite3'],
});

await build({
  ...common,
  format: 'cjs',
  entryPoints: { preload: 'src/preload/preload.ts' },
  outdir: 'dist/preload',
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
});

await mkdir('dist/migrations', { recursive: true });
await cp('migrations/local', 'dist/migrations/local', { recursive: true });
