/**
 * The run's exported files under runDir/artifacts: the semantic ID table as JSON lines (one
 * `{"item", "codes"}` object per item, corpus order) and the CL-VAE quantiser — encoder,
 * codebooks, decoder — as safetensors. Readers for both give back exactly what was written.
 */
import { RecForgeError } from '../../errors';
import type { RunArtifact } from '../../protocol/recipeRun';
import type { SemanticIdRow } from '../../recipes/recbase/exportIds';
import { readRunFile, readRunText, writeRunFile } from './runFiles';

/** Paths relative to the run folder. */
export const SEMANTIC_IDS_PATH = 'artifacts/semantic-ids.jsonl';
export const CODEBOOKS_PATH = 'artifacts/codebooks.safetensors';

/** The table as JSON lines. */
export function semanticIdLines(rows: readonly SemanticIdRow[]): string {
  return rows.map((r) => JSON.stringify({ item: r.item, codes: r.codes })).join('\n') + '\n';
}

function isRow(v: unknown): v is SemanticIdRow {
  const r = v as { item?: unknown; codes?: unknown };
  return typeof r.item === 'string' && Array.isArray(r.codes) && r.codes.every((c) => Number.isInteger(c) && c >= 0);
}

/** Parses JSON lines written by semanticIdLines (blank lines ignored). */
export function parseSemanticIdLines(text: string): SemanticIdRow[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const v: unknown = JSON.parse(line);
      if (!isRow(v)) throw new RecForgeError('validation', `semantic ID line ${i + 1} is not {"item": string, "codes": [int]}`, { file: 'semantic-ids', field: 'codes' });
      return v;
    });
}

/** Writes both files and returns their artifact records. */
export async function writeRecBaseArtifacts(runDir: string, idTable: readonly SemanticIdRow[], quantiser: Uint8Array, levels: number, codes: number): Promise<RunArtifact[]> {
  await writeRunFile(runDir, SEMANTIC_IDS_PATH, semanticIdLines(idTable));
  await writeRunFile(runDir, CODEBOOKS_PATH, quantiser);
  return [
    { kind: 'semantic-ids', path: SEMANTIC_IDS_PATH, title: `Semantic IDs of ${idTable.length} items (${levels} levels × ${codes} codes + disambiguation)` },
    { kind: 'codebooks', path: CODEBOOKS_PATH, title: 'CL-VAE quantiser: encoder, codebooks, decoder (safetensors)' },
  ];
}

/** Reads both files back from a run folder. */
export async function readRecBaseArtifacts(runDir: string): Promise<{ idTable: SemanticIdRow[]; quantiser: Uint8Array }> {
  const text = await readRunText(runDir, SEMANTIC_IDS_PATH);
  return { idTable: parseSemanticIdLines(text), quantiser: await readRunFile(runDir, CODEBOOKS_PATH) };
}
