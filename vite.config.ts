import { rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { basename, resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, type ViteUserConfig } from 'vitest/config'

const root = import.meta.dirname
const at = (path: string) => resolve(root, path)

// Browser entries leave the app's own React and TanStack Query to the app, and the SSE parser (a
// dependency, read only by the stream reader of a page with an identity token) to its bundler.
// The library build's entries: dist/<name>.js, the targets of package.json's exports.
const ENTRY_NAMES = new Set(['index', 'core', 'core-store', 'core-hub', 'dom', 'locales', 'style'])
// The QR encoder (uqr) and the SSE parser (eventsource-parser) are dependencies of the package: an app's bundler
// puts each in the chunk that loads it (a link to a phone; a status stream read with an identity token).
const browserExternal = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/, /^uqr$/, /^eventsource-parser$/]
// The widget's stylesheet under the name integrators import it by: the demo, the examples and
// Storybook load it exactly as an app does.
const STYLESHEET = at('src/react/styles.css')
const stylesheetAlias = { find: /^verify-widget\/styles\.css$/, replacement: STYLESHEET }
// Database drivers are optional peer dependencies, loaded only by the store that needs them.
// The browsers that have light-dark(), which the stylesheet is written in (.storybook/main.ts names them too): minifying must not
// rewrite it into fallbacks (they resolve where a token is declared, which breaks a shadow root's :host tokens).
const CSS_TARGET = ['chrome123', 'edge123', 'firefox120', 'safari17.5']
const nodeExternal = [...builtinModules, /^node:/, 'better-sqlite3', 'pg', /^pg\//]

/** The Web-standard server build fails on any Node module, rather than an integrator's Worker at run time. */
const refuseNodeModules = {
  name: 'refuse-node-modules',
  enforce: 'pre' as const,
  resolveId(id: string, importer: string | undefined) {
    if (id.startsWith('node:') || builtinModules.includes(id)) {
      throw new Error(`${importer ?? 'an entry'} imports the Node module "${id}": verify-widget/server must run on Web APIs only.`)
    }
    return null
  },
}

/**
 * One config, five builds:
 * - `vite build --mode lib`: the browser library (dist/index.js, dist/core.js, dist/core-store.js, dist/core-hub.js)
 * - `vite build --mode element`: <verify-button> for pages with no bundler (dist/element.js, dist/element/)
 * - `vite build --mode node`: the Node entries (dist/node/server.js, dist/node/server-node.js, dist/node/sandbox.js)
 * - `vite build --mode web-server`: verify-widget/server for other runtimes (dist/web/server.js)
 * - `vite build`: the hosted verification page and the demo app (dist-hosted/)
 */
export default defineConfig(({ mode }): ViteUserConfig => {
  if (mode === 'lib') {
    return {
      plugins: [react()],
      // public/ holds the hosted page's files: none of them belong in the package.
      publicDir: false,
      build: {
        outDir: 'dist',
        // A fresh dist/ (`npm run build` builds the element, Node entries and types after this): no
        // file of an earlier build ends up in the package.
        emptyOutDir: true,
        sourcemap: true,
        minify: false,
        // Lets the stylesheet be an entry of its own.
        cssCodeSplit: true,
        // The shadow roots' stylesheets are strings in the code (`?inline`): minified, they cost the
        // element's first load less. dist/style.css is minified the same way.
        cssMinify: true,
        cssTarget: CSS_TARGET,
        lib: {
          entry: {
            // (The keys are ENTRY_NAMES.)
            index: at('src/react/index.ts'),
            core: at('src/core/index.ts'),
            'core-store': at('src/core/store.ts'),
            'core-hub': at('src/core/hub.ts'),
            // createVerification (verify-widget/dom): no React. <verify-button> is a build of its own (mode element).
            dom: at('src/ui/index.ts'),
            // SUPPORTED_LOCALES, resolveLocale, loadMessages: `verify-widget/locales`, out of the widget's entry.
            locales: at('src/react/locales/index.ts'),
            // The stylesheet is its own entry (dist/style.css), not a side effect of the JavaScript.
            style: STYLESHEET,
          },
          formats: ['es'],
        },
        rolldownOptions: {
          external: browserExternal,
          output: {
            // One file per source module, as libraries ship for bundlers: an app's bundler then puts
            // exactly the modules the button needs in its first load, and the ones only the lazily
            // loaded code imports in that chunk. (Merged chunks would mix the two.)
            preserveModules: true,
            preserveModulesRoot: 'src',
            // The entries under their export names; what loads only for another language (the catalogs,
            // their table, the matching) in dist/locales/, budgeted apart. English is imported statically.
            entryFileNames: (chunk: { name: string; facadeModuleId: string | null }) =>
              !ENTRY_NAMES.has(chunk.name) && /\/src\/react\/locales\/(?!en\.ts$)[\w-]+\.ts$/.test(chunk.facadeModuleId ?? '')
                ? `locales/${basename(chunk.facadeModuleId!, '.ts')}.js`
                : '[name].js',
            // No banner: each React module keeps its own 'use client' directive.
          },
        },
      },
    }
  }
  if (mode === 'element') {
    // The element's chunks from an earlier build go (emptyOutDir is off: dist/ holds the other builds too).
    let outDir = at('dist')
    const cleanChunks = {
      name: 'clean-element-chunks',
      configResolved: (config: { build: { outDir: string } }) => {
        outDir = resolve(root, config.build.outDir)
      },
      buildStart: () => rmSync(resolve(outDir, 'element'), { recursive: true, force: true }),
    }
    // <verify-button> for a page with no bundler: dist/element.js holds everything a page loads up
    // front (one file, minified, no import of another file), and what loads on intent (the dialog,
    // the flow, status tracking, other languages) are chunks in dist/element/, fetched relative to it.
    return {
      plugins: [cleanChunks],
      publicDir: false,
      // No bundler will replace it: the development warnings go, as in any production build.
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        sourcemap: true,
        cssMinify: true,
        cssTarget: CSS_TARGET,
        lib: { entry: { element: at('src/element/index.ts') }, formats: ['es'] },
        rolldownOptions: {
          // The lazy chunks import what they share with the entry from element.js itself.
          preserveEntrySignatures: 'allow-extension',
          output: {
            chunkFileNames: (chunk: { facadeModuleId: string | null }) =>
              chunk.facadeModuleId?.includes('/locales/device/')
                ? 'element/locales/device/[name].js'
                : chunk.facadeModuleId?.includes('/locales/')
                  ? 'element/locales/[name].js'
                  : 'element/[name]-[hash].js',
            minify: process.env.VERIFY_ELEMENT_MINIFY !== '0',
            // Every module the entry imports statically stays in the entry's file, the ones the lazy
            // chunks share with it included (they import them from element.js).
            codeSplitting: { groups: [{ name: 'element', tags: ['$initial'], includeDependenciesRecursively: false }] },
          },
        },
      },
    }
  }
  if (mode === 'node') {
    return {
      publicDir: false,
      build: {
        outDir: 'dist/node',
        emptyOutDir: true,
        ssr: true,
        target: 'node20',
        sourcemap: true,
        minify: false,
        rolldownOptions: {
          // verify-widget/server as Node resolves it (SQLite by default), /server/node and /sandbox: one
          // build, so that the three share their chunks (one copy of each module in a Node app).
          // cli: the package's bin (`verify-widget serve`), with the sandbox loaded only when asked for.
          input: {
            server: at('src/server/node-index.ts'),
            'server-node': at('src/server/node.ts'),
            sandbox: at('src/sandbox/index.ts'),
            cli: at('src/server/node/cli.ts'),
          },
          external: [...nodeExternal, 'jose'],
          output: { format: 'es', banner: (chunk: { name: string }) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
        },
      },
    }
  }
  if (mode === 'web-server') {
    return {
      plugins: [refuseNodeModules],
      publicDir: false,
      build: {
        outDir: 'dist/web',
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: true,
        minify: false,
        // verify-widget/server for every other runtime (Workers, Vercel Edge, Deno, Bun): Web APIs only.
        lib: { entry: { server: at('src/server/index.ts') }, formats: ['es'] },
        rolldownOptions: {
          // Neutral platform: an import of a Node module here fails this build instead of an app's.
          platform: 'neutral',
          // jose is a dependency: the app's bundler or runtime resolves it (with its own conditions).
          external: ['pg', 'jose'],
        },
      },
    }
  }
  return {
    plugins: [react()],
    resolve: { alias: [stylesheetAlias] },
    base: './',
    build: {
      outDir: 'dist-hosted',
      emptyOutDir: true,
      sourcemap: false,
      rolldownOptions: { input: { index: at('index.html'), demo: at('src/demo/index.html') } },
    },
    test: {
      // The same run with or without CI (vitest's default allows .only unless CI is set): a focused
      // test never passes for the whole suite.
      allowOnly: false,
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'jsdom',
            include: ['tests/unit/**/*.test.{ts,tsx}'],
            setupFiles: ['tests/unit/setup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'server',
            environment: 'node',
            include: ['tests/server/**/*.test.ts'],
            testTimeout: 20_000,
            hookTimeout: 30_000,
            // One throwaway PostgreSQL server for the run (the PostgreSQL store's tests).
            globalSetup: ['tests/support/postgres-setup.ts'],
            // Every log line and onError report of the run is scanned for secrets.
            setupFiles: ['tests/support/log-scan.ts'],
          },
        },
      ],
    },
  }
})
