// esbuild bundles a page's stylesheet when the page's script imports it.
declare module '*.css' {}
