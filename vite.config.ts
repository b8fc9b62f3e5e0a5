import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Builds the renderer once; both hosts (Electron's app:// and the browser host) serve this output.
export default defineConfig({
  root: 'src/renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // No inline scripts or module-preload polyfill: the CSP allows only 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // Loaded from local disk (app:// or 127.0.0.1), not over a network: one bundle is fine.
    chunkSizeWarningLimit: 1500,
  },
});
