/** Recipe-run view state for the run page: chart markers and the running stage. */
import { useMemo } from 'react';
import type { ChartMark } from '../../components/charts/canvas/draw';
import { useStore } from '../../store';

/** The run's phase and series boundaries as chart marks (undefined for runs without any). */
export function useRunMarkers(runId: string): readonly ChartMark[] | undefined {
  const markers = useStore((s) => s.extras[runId]?.markers);
  return useMemo(() => markers?.map((m) => ({ x: m.step, label: m.label, strong: m.kind === 'series' })), [markers]);
}

/** The running stage: the recipe's title for it ("Pretrain (WSA)"), its place among the recipe's stages (1-based; 0 if not listed). */
export interface StagePosition {
  readonly title: string;
  readonly index: number;
  readonly count: number;
}

/** Where the run is among its recipe's stages, or null before its first stage. */
export function useStagePosition(runId: string): StagePosition | null {
  const stage = useStore((s) => s.extras[runId]?.stage ?? null);
  const model = useStore((s) => s.runs.find((r) => r.id === runId)?.model);
  const recipe = useStore((s) => s.recipes.find((r) => r.id === model));
  if (stage === null) return null;
  const stages = recipe?.stages ?? [];
  const index = stages.findIndex((st) => st.id === stage);
  return { title: stages[index]?.title ?? stage, index: index + 1, count: stages.length };
}
