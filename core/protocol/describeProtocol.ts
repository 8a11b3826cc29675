/**
 * An evaluation protocol in words, the same in the studio, the CLI and reports: "test ·
 * leave-one-out · cold items · 1 + 100 sampled negatives (uniform, seed 2024) · history excluded ·
 * 943 users · chance 0.0990". Pure and dependency-free, so the renderer may import it as a value.
 */
import type { EvalProtocol } from './dto';

const SEP = ' · ';

/** "full ranking", "1 + 100 sampled negatives (uniform, seed 2024)", "labelled samples", … */
export function describeCandidates(c: EvalProtocol['candidates']): string {
  switch (c.kind) {
    case 'full':
      return 'full ranking';
    case 'sampled':
      return `1 + ${c.negatives} sampled negatives (${c.sampler}, seed ${c.seed})`;
    case 'labelled':
      return 'labelled samples';
    case 'tokens':
      return 'held-out tokens';
  }
}

/** "leading 1 ID level scored", "leading 3 ID levels scored". */
export function scoredLevelsText(n: number): string {
  return `leading ${n} ID level${n === 1 ? '' : 's'} scored`;
}

function isRanking(p: EvalProtocol): boolean {
  return p.candidates.kind === 'full' || p.candidates.kind === 'sampled';
}

/** The whole protocol; `formatCount` formats the user count (e.g. with thousands separators). */
export function describeProtocol(p: EvalProtocol, formatCount: (n: number) => string = String): string {
  const scope = [...(p.segment && p.segment !== 'all' ? [`${p.segment} items`] : []), ...(p.domain ? [`domain ${p.domain}`] : [])];
  const history = isRanking(p) ? [p.excludeHistory ? 'history excluded' : 'history included'] : [];
  const count = `${formatCount(p.users)} ${p.candidates.kind === 'labelled' ? 'samples' : 'users'}`;
  const seed = p.seed === undefined ? [] : [`split seed ${p.seed}`];
  const chance = p.chance === undefined ? [] : [`chance ${p.chance.toFixed(4)}`];
  const levels = p.scoredLevels === undefined ? [] : [scoredLevelsText(p.scoredLevels)];
  return [p.target, p.split, ...scope, describeCandidates(p.candidates), ...levels, ...history, count, ...seed, ...chance].join(SEP);
}
