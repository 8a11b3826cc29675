/**
 * datasets.import: mapped generic tables go through DuckDB (out of core, fail/skip policies);
 * named formats (MovieLens, Amazon, RecBole, and a CSV without a mapping) through their parsers.
 */
import { TABULAR_FORMATS, type ImportRequestParsed } from '../../core/protocol/schemas';
import type { ColumnMapping, ImportOptions, ImportResult } from '../../core/protocol/tabular';
import type { ParsedFormat } from '../../core/platform/workspace/importSources';
import type { HostContext } from './hostContext';
import type { PathAccess } from './pathGrants';
import { resolveFileRefs } from './uploads';
import { openLastLineWarnings } from '../../core/platform/workspace/lastLineCheck';

const NOTHING_SKIPPED = { count: 0, errors: [] } as const;

function isTabular(req: ImportRequestParsed): boolean {
  const tabular = (TABULAR_FORMATS as readonly string[]).includes(req.format);
  return tabular && (req.format !== 'csv' || req.mapping !== undefined || req.options !== undefined);
}

/** Imports the request's files; a text file ending inside its last line is reported either way. */
export async function importFiles(ctx: HostContext, req: ImportRequestParsed, access?: PathAccess): Promise<ImportResult> {
  const files = await resolveFileRefs(ctx.workspace.dir, req.files, access);
  const result = await importResolved(ctx, req, files);
  return { ...result, warnings: [...(await openLastLineWarnings(files)), ...result.warnings] };
}

async function importResolved(ctx: HostContext, req: ImportRequestParsed, files: { name: string; path: string }[]): Promise<ImportResult> {
  if (isTabular(req)) {
    const { summary, skipped } = await ctx.workspace.importTables({
      name: req.name, format: req.format, files, minInteractions: req.minInteractions,
      // zod's output types mark absent keys `| undefined`; parsed objects simply lack them.
      ...(req.mapping ? { mapping: req.mapping as ColumnMapping } : {}), ...(req.options ? { options: req.options as ImportOptions } : {}),
    });
    return { dataset: summary, skipped, warnings: [] };
  }
  const onProgress = (p: Parameters<typeof ctx.bus.emit<'datasets.onImportProgress'>>[1]): void => ctx.bus.emit('datasets.onImportProgress', p);
  const { dataset, warnings } = await ctx.workspace.importDatasetReport({ name: req.name, format: req.format as ParsedFormat, files, minInteractions: req.minInteractions }, onProgress);
  return { dataset, skipped: NOTHING_SKIPPED, warnings };
}
