import { memo, type ReactElement } from 'react';
import type { RecipeStage } from '../../../core/protocol';

/** The recipe's pipeline as a chain of stages (data → … → evaluation). */
export const StageChain = memo(function StageChain({ stages }: { readonly stages: readonly RecipeStage[] }): ReactElement {
  return (
    <ol className="stage-chain" data-testid="recipe-stages" aria-label="Pipeline stages">
      {stages.map((s, i) => (
        <li key={s.id} className="stage">
          <span className="stage-index">{i + 1}</span>
          {s.title}
        </li>
      ))}
    </ol>
  );
});
