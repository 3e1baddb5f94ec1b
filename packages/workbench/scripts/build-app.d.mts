/** Builds the workbench app into `outdir` (default dist/app); returns esbuild's metafile. */
export function buildApp(options?: { outdir?: string; minify?: boolean }): Promise<import('esbuild').Metafile>;
