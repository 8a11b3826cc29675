/**
 * Training logs written by other tools (a PyTorch reference, RecBole, a notebook), imported to be
 * compared with RecForge runs on one chart: CSV with a header, or JSON lines. Column names
 * follow common spellings; steps must increase strictly so the curve is a function of the step.
 */
import type { TrainPoint } from '../protocol/dto';
import { csvRecords } from './csv/tokenizer';
import { importError, parseNumberField } from './fields';
import { objectLines } from './json/lines';
import { numberValue } from './json/values';
import type { TextSource } from './types';

/** Accepted names per field, in order of preference (compared lower-cased). */
const NAMES = {
  step: ['step', 'global_step', 'iteration', 'iter'],
  loss: ['loss', 'train_loss', 'training_loss'],
  lr: ['lr', 'learning_rate'],
  epoch: ['epoch'],
} as const;

type Field = keyof typeof NAMES;
const EXPECTED_HEADER = 'a header with step and loss columns (optional: lr, epoch)';

function pick(keys: readonly string[], field: Field): string | undefined {
  const lower = keys.map((k) => k.trim().toLowerCase());
  for (const name of NAMES[field]) {
    const i = lower.indexOf(name);
    if (i >= 0) return keys[i];
  }
  return undefined;
}

class Collector {
  readonly points: TrainPoint[] = [];

  constructor(private readonly file: string) {}

  add(p: TrainPoint, line: number): void {
    const prev = this.points.at(-1);
    if (prev && !(p.step > prev.step)) {
      importError(`step ${p.step} does not follow step ${prev.step}`, { file: this.file, line, field: 'step' }, 'steps in increasing order');
    }
    this.points.push(p);
  }

  done(): TrainPoint[] {
    if (this.points.length === 0) importError('the log has no points', { file: this.file }, 'at least one step,loss row');
    return this.points;
  }
}

/** Column index of each field the header names. */
function headerColumns(keys: readonly string[]): Partial<Record<Field, number>> {
  const cols: Partial<Record<Field, number>> = {};
  for (const f of Object.keys(NAMES) as Field[]) {
    const name = pick(keys, f);
    if (name !== undefined) cols[f] = keys.indexOf(name);
  }
  return cols;
}

async function fromCsv(src: TextSource): Promise<TrainPoint[]> {
  const out = new Collector(src.name);
  let cols: Partial<Record<Field, number>> | null = null;
  for await (const rec of csvRecords(src)) {
    if (cols === null) {
      cols = headerColumns(rec.fields.map((f) => f.trim()));
      if (cols.step === undefined || cols.loss === undefined) importError('the header has no step or loss column', { file: src.name, line: rec.line }, EXPECTED_HEADER);
      continue;
    }
    if (rec.fields.length === 1 && rec.fields[0] === '') continue;
    const num = (f: Field): number | undefined => {
      const i = cols?.[f];
      return i === undefined ? undefined : parseNumberField(rec.fields[i] ?? '', { file: src.name, line: rec.line, field: f });
    };
    out.add({ step: num('step') as number, loss: num('loss') as number, lr: num('lr') ?? Number.NaN, epoch: num('epoch') ?? 0 }, rec.line);
  }
  if (cols === null) importError('the file is empty', { file: src.name, line: 1 }, EXPECTED_HEADER);
  return out.done();
}

async function fromJsonLines(src: TextSource): Promise<TrainPoint[]> {
  const out = new Collector(src.name);
  for await (const { value, line } of objectLines(src, 'json')) {
    const keys = Object.keys(value);
    const at = { file: src.name, line };
    const key = (f: Field): string | undefined => pick(keys, f);
    const opt = (f: Field): number | undefined => { const k = key(f); return k === undefined ? undefined : numberValue(value, k, at); };
    out.add({ step: numberValue(value, key('step') ?? 'step', at), loss: numberValue(value, key('loss') ?? 'loss', at), lr: opt('lr') ?? Number.NaN, epoch: opt('epoch') ?? 0 }, line);
  }
  return out.done();
}

/** Parses a training log; `.jsonl` / `.json` names are JSON lines, everything else CSV. */
export function parseTrainLog(src: TextSource): Promise<TrainPoint[]> {
  return /\.jsonl?(\.gz)?$/i.test(src.name) ? fromJsonLines(src) : fromCsv(src);
}
