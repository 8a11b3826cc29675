import { useLayoutEffect, useRef, type ReactElement, type RefObject } from 'react';
import { ComparePage } from '../features/compare/ComparePage';
import { DatasetsPage } from '../features/datasets/DatasetsPage';
import { ModelsPage } from '../features/models/ModelsPage';
import { RunPage } from '../features/run/RunPage';
import { RunsPage } from '../features/runs/RunsPage';
import { useStore } from '../store';
import { ErrorBanner } from './ErrorBanner';
import { Header } from './Header';
import { InterruptedRuns } from './InterruptedRuns';
import { Notices } from './Notices';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';

function CurrentPage(): ReactElement {
  const page = useStore((s) => s.page);
  const selectedRunId = useStore((s) => s.selectedRunId);
  switch (page) {
    case 'datasets':
      return <DatasetsPage />;
    case 'runs':
      return <RunsPage />;
    case 'models':
      return <ModelsPage />;
    case 'compare':
      return <ComparePage />;
    case 'run':
      return selectedRunId === null ? <RunsPage /> : <RunPage key={selectedRunId} runId={selectedRunId} />;
  }
}

/** The main area's element, scrolled back to the top whenever another page or run is shown (it is one scroll container for every page). */
function useTopOnPageChange(): RefObject<HTMLElement | null> {
  const main = useRef<HTMLElement | null>(null);
  const page = useStore((s) => s.page);
  const selectedRunId = useStore((s) => s.selectedRunId);
  useLayoutEffect(() => {
    main.current?.scrollTo({ top: 0 });
  }, [page, selectedRunId]);
  return main;
}

/** Shell: header, sidebar navigation, the current page and the status bar. */
export function App(): ReactElement {
  const main = useTopOnPageChange();
  return (
    <div className="app">
      <Header />
      <Sidebar />
      <main className="main" ref={main}>
        <ErrorBanner />
        <InterruptedRuns />
        <CurrentPage />
      </main>
      <StatusBar />
      <Notices />
    </div>
  );
}
