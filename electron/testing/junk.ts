/**
 * Malformed protocol payloads for robustness tests.
 */

/** Deterministic junk: primitives, huge strings, nested objects with protocol-looking keys. */
export function junkFactory(seed: number): () => unknown {
  let state = seed;
  const rand = (): number => (state = (state * 16807) % 2147483647) / 2147483647;
  const atoms: unknown[] = [undefined, null, 0, -1, 2 ** 53, NaN, '', '../../etc/passwd', 'x'.repeat(5000), [], true, {}];
  const keys = ['datasetId', 'runId', 'name', 'format', 'files', 'model', 'train', 'eval', 'kind', 'path', 'uploadId', '__proto__'];
  const make = (depth: number): unknown => {
    if (depth > 2 || rand() < 0.4) return atoms[Math.floor(rand() * atoms.length)];
    if (rand() < 0.2) return [make(depth + 1), make(depth + 1)];
    const obj: Record<string, unknown> = {};
    for (const key of keys) if (rand() < 0.35) obj[key] = make(depth + 1);
    return obj;
  };
  return () => make(0);
}
