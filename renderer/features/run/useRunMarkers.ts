/** Recipe-run view state for the run page: chart markers and the title of the running stage. */
import { useMemo } from 'react';
import type { ChartMark } from '../../components/charts/canvas/draw';
import { useStore } from '../../store';

/** The run's phase and series boundaries as chart marks (undefined for runs without any). */
export function useRunMarkers(runId: string): readonly ChartMark[] | undefined {
  const markers = useStore((s) => s.extras[runId]?.markers);
  return useMemo(() => markers?.map((m) => ({ x: m.step, label: m.label, strong: m.kind === 'series' })), [markers]);
}

/** "Pretrain (WSA)": the recipe's title for the stage running now, or null. */
export function useStageTitle(runId: string): string | null {
  const stage = useStore((s) => s.extras[runId]?.stage ?? null);
  const model = useStore((s) => s.runs.find((r) => r.id === runId)?.model);
  const recipe = useStore((s) => s.recipes.find((r) => r.id === model));
  if (stage === null) return null;
  return recipe?.stages.find((st) => st.id === stage)?.title ?? stage;
}
