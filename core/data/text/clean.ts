/**
 * Item-text cleaning before templating: scraped titles and descriptions carry markup, escaped
 * entities, control characters and runaway lengths, all of which waste LLM tokens or break
 * prompts. Order matters: tags are stripped BEFORE entities are decoded, so "&lt;b&gt;" (escaped
 * markup, i.e. literal text) survives as "<b>" instead of being removed as a tag.
 */
import type { LineageStep } from '../../protocol/dto';
import { decodeHtmlEntities } from './entities';

/** Cleaning options. */
export interface CleanOptions {
  /** Maximum length in code points (the ellipsis included); undefined = no cap. */
  readonly maxLength?: number;
  /** Appended when text is cut (default "…"). */
  readonly ellipsis?: string;
}

const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<\/?[A-Za-z!][^<>]*>/g;
// C0 and C1 controls and DEL; tab/newline/CR are handled as whitespace first.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Strips tags, decodes entities, drops control characters, collapses whitespace, caps length. */
export function cleanText(text: string, opts: CleanOptions = {}): string {
  const stripped = text.replace(SCRIPT_OR_STYLE, ' ').replace(TAG, ' ');
  const decoded = decodeHtmlEntities(stripped).normalize('NFC');
  const plain = decoded.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  return opts.maxLength === undefined ? plain : capLength(plain, opts.maxLength, opts.ellipsis ?? '\u2026');
}

/** Cuts at a code-point boundary (never splits a surrogate pair) and appends the ellipsis. */
export function capLength(text: string, maxLength: number, ellipsis: string): string {
  const points = Array.from(text);
  if (points.length <= maxLength) return text;
  const room = Math.max(0, maxLength - Array.from(ellipsis).length);
  return points.slice(0, room).join('').trimEnd() + ellipsis;
}

/** Text fields of one item: strings or lists of strings. */
export type TextFields = Readonly<Record<string, string | readonly string[] | number | null | undefined>>;

/** Cleans every string (and list element) of every item; the lineage counts changed items. */
export function cleanItemTexts<T extends TextFields>(items: readonly T[], opts: CleanOptions = {}): { items: T[]; step: LineageStep } {
  let changed = 0;
  const out = items.map((item) => {
    const cleaned = cleanFields(item, opts);
    if (Object.keys(item).some((k) => JSON.stringify(item[k]) !== JSON.stringify(cleaned[k]))) changed += 1;
    return cleaned;
  });
  const params = { maxLength: opts.maxLength ?? 0, changed, html: 'tags stripped, entities decoded' };
  return { items: out, step: { step: 'clean-text', params, before: items.length, after: out.length } };
}

function cleanFields<T extends TextFields>(item: T, opts: CleanOptions): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (typeof v === 'string') out[k] = cleanText(v, opts);
    else if (Array.isArray(v)) out[k] = (v as readonly string[]).map((s) => cleanText(s, opts)).filter((s) => s !== '');
    else out[k] = v;
  }
  return out as T;
}
