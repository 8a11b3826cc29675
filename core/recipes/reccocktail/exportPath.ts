/**
 * Where the playground exports a merge, under the run: one folder per exact λ (global or per layer)
 * and format, so re-exporting the same merge overwrites it and two nearby λs never share a folder
 * (the artifact already recorded for the first must keep pointing at its own files). The name is a
 * readable rounded λ plus a short hash of the exact values, so it stays short at any depth
 * (80 layers of "0.41-" would pass the 255-byte file-name limit).
 */
import type { CocktailExportArgs } from '../../protocol/recipeActions';
import { codeUnits, fnv1a64 } from '../fnv';
import { meanLambda } from './cocktail';

/** FNV-1a (64-bit) of the UTF-16 code units of `text`, as 12 hex digits (48 bits: collisions need ~10⁷ exports of one run). */
function shortHash(text: string): string {
  return (fnv1a64(codeUnits(text)) >> 16n).toString(16).padStart(12, '0');
}

/** The exact λ values as text: String() of a double is its shortest round-trip form, so equal text ⇔ equal λs. */
function exactLambdaText(a: Pick<CocktailExportArgs, 'lambda' | 'layers'>): string {
  return a.layers ? `layers:${a.layers.map(String).join(',')}` : `global:${String(a.lambda)}`;
}

/** Folder (relative to the run) of the merge at `a`'s λ in `a`'s format. */
export function exportedMergePath(a: Pick<CocktailExportArgs, 'lambda' | 'layers' | 'format'>): string {
  const readable = a.layers ? `${meanLambda(a.layers).toFixed(2)}-mean-of-${a.layers.length}-layers` : a.lambda.toFixed(2);
  return `artifacts/exports/cocktail-${a.format}-lambda-${readable}-${shortHash(exactLambdaText(a))}`;
}

/** The λ of an export as its artifact title shows it: exact, never rounded. */
export function exportedLambdaText(a: Pick<CocktailExportArgs, 'lambda' | 'layers'>): string {
  return a.layers ? `per-layer λ = [${a.layers.map(String).join(', ')}]` : `λ = ${String(a.lambda)}`;
}
