/**
 * The run's exported files under runDir/artifacts: the semantic ID table as JSON lines (one
 * `{"item", "codes"}` object per item, corpus order), the CL-VAE quantiser — encoder, codebooks,
 * decoder — and the item-text encoder before it, both as safetensors. Readers give back exactly
 * what was written.
 */
import { RecForgeError } from '../../errors';
import type { RunArtifact } from '../../protocol/recipeRun';
import type { RecBaseExport, SemanticIdRow } from '../../recipes/recbase/exportIds';
import { readRunFile, readRunText, writeRunFile } from './runFiles';

/** Paths relative to the run folder. */
export const SEMANTIC_IDS_PATH = 'artifacts/semantic-ids.jsonl';
export const CODEBOOKS_PATH = 'artifacts/codebooks.safetensors';
export const TEXT_ENCODER_PATH = 'artifacts/text-encoder.safetensors';

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

/** Writes the three files and returns their artifact records. */
export async function writeRecBaseArtifacts(runDir: string, exported: RecBaseExport, levels: number, codes: number): Promise<RunArtifact[]> {
  await writeRunFile(runDir, SEMANTIC_IDS_PATH, semanticIdLines(exported.idTable));
  await writeRunFile(runDir, CODEBOOKS_PATH, exported.quantiser);
  await writeRunFile(runDir, TEXT_ENCODER_PATH, exported.textEncoder);
  return [
    { kind: 'semantic-ids', path: SEMANTIC_IDS_PATH, title: `Semantic IDs of ${exported.idTable.length} items (${levels} levels × ${codes} codes + disambiguation)` },
    { kind: 'codebooks', path: CODEBOOKS_PATH, title: 'CL-VAE quantiser: encoder, codebooks, decoder (safetensors)' },
    { kind: 'text-encoder', path: TEXT_ENCODER_PATH, title: 'Item-text encoder: TF-IDF vocabulary, LSA basis, domain means (safetensors)' },
  ];
}

/** Reads the three files back from a run folder. */
export async function readRecBaseArtifacts(runDir: string): Promise<RecBaseExport> {
  const text = await readRunText(runDir, SEMANTIC_IDS_PATH);
  return { idTable: parseSemanticIdLines(text), quantiser: await readRunFile(runDir, CODEBOOKS_PATH), textEncoder: await readRunFile(runDir, TEXT_ENCODER_PATH) };
}
