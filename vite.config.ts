import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Vendor chunks: keep the chart stack (recharts + d3) and React out of the app chunk. */
function vendorChunk(id: string): string | null {
  if (!id.includes('node_modules')) return null;
  if (/node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|@reduxjs|redux|reselect|immer|es-toolkit|decimal\.js-light)[\\/]/.test(id)) {
    return 'charts';
  }
  if (/node_modules[\\/](react|react-dom|scheduler|zustand|use-sync-external-store)[\\/]/.test(id)) return 'react';
  return null;
}

/**
 * The dev server injects React Refresh's preamble as an inline module script, which the page's strict
 * CSP (script-src 'self') blocks. Relax script-src for `vite dev` only; builds keep the strict policy.
 */
function devCspRelax(): Plugin {
  return {
    name: 'recforge:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  // The app icon (icon.svg for the page, icon.png for the Electron window) ships next to index.html.
  publicDir: '../assets/icons',
  plugins: [react(), devCspRelax()],
  // The window compute worker (electron/compute-worker) is a module worker: ES output keeps the
  // WebGPU backend's dynamic import as a chunk, which the classic IIFE format cannot.
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: vendorChunk, debugName: 'vendor' }],
        },
      },
    },
  },
});
