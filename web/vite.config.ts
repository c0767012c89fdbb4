// The UI is built into ../build/webui (ignored by git; `veille serve` finds it beside or above the
// executable). VEILLE_WEB_OUT overrides the output directory.
import { defineConfig } from 'vite';

declare const process: { env: Record<string, string | undefined> };

export default defineConfig({
  base: '/',
  build: {
    outDir: process.env.VEILLE_WEB_OUT ?? '../build/webui',
    emptyOutDir: true,
    // No inline scripts or data: URLs for modules: the server's CSP allows our own origin only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
