/**
 * Target-domain training windows cut from CPRec's all-domain mixed sequences.
 *
 * Rule (CPRec, arXiv 2504.08949 §4.3.2, "all-domain mixed behavioural sequences"): when mixed
 * sequences are used for a target domain, a window is kept only if its prediction target is a
 * target-domain behaviour, and — per the section's guideline that "only histories that contain the
 * target domain are kept" — its history contains at least one target-domain behaviour. Windows are
 * the `maxHistory` most recent behaviours (any domain) before the target, so a history never
 * contains the target or anything after it.
 *
 * CAVEAT: the offline material only has a summary of §4.3.2 (the PDF text was not available), so
 * the second condition is implemented as an option (default on) rather than as verified wording.
 */
import type { LineageStep } from '../../protocol/dto';
import type { MixedSequences } from './mixed';

/** Options of targetDomainWindows. */
export interface WindowOptions {
  /** Most recent behaviours kept as history (default 20). */
  readonly maxHistory?: number;
  /** Drop windows whose history has no target-domain behaviour (default true, see the caveat). */
  readonly requireTargetDomainInHistory?: boolean;
  /** Drop windows with a shorter history (default 1). */
  readonly minHistory?: number;
}

/** Window k: user[k], history = mixed values [start[k], end[k]), target = mixed values[end[k]]. */
export interface MixedWindows {
  readonly user: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly target: Int32Array;
  readonly step: LineageStep;
}

/** Cuts the windows whose target is in `targetDomain` (a domain index). */
export function targetDomainWindows(mixed: MixedSequences, targetDomain: number, opts: WindowOptions = {}): MixedWindows {
  const maxHistory = opts.maxHistory ?? 20;
  const requireInHistory = opts.requireTargetDomainInHistory ?? true;
  const minHistory = Math.max(1, opts.minHistory ?? 1);
  const cols = { user: [] as number[], start: [] as number[], end: [] as number[], target: [] as number[] };
  let positions = 0;
  const { offsets, values } = mixed.items;
  for (let u = 0; u + 1 < offsets.length; u++) {
    const first = offsets[u] ?? 0;
    let lastTargetDomainPos = -1; // most recent target-domain behaviour strictly before k
    for (let k = first; k < (offsets[u + 1] ?? 0); k++) {
      const start = Math.max(first, k - maxHistory);
      if (k - first >= minHistory) positions += 1;
      const keep = mixed.domainIdx[k] === targetDomain && k - start >= minHistory && (!requireInHistory || lastTargetDomainPos >= start);
      if (keep) push(cols, u, start, k, values[k] ?? 0);
      if (mixed.domainIdx[k] === targetDomain) lastTargetDomainPos = k;
    }
  }
  const params = { targetDomain, maxHistory, requireTargetDomainInHistory: requireInHistory, minHistory };
  return {
    user: Int32Array.from(cols.user),
    start: Int32Array.from(cols.start),
    end: Int32Array.from(cols.end),
    target: Int32Array.from(cols.target),
    step: { step: 'cprec-target-windows', params, before: positions, after: cols.user.length },
  };
}

function push(cols: { user: number[]; start: number[]; end: number[]; target: number[] }, u: number, start: number, end: number, target: number): void {
  cols.user.push(u);
  cols.start.push(start);
  cols.end.push(end);
  cols.target.push(target);
}
