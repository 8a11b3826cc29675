import { useCallback, useState, type ReactElement } from 'react';
import { runDemo } from '../ipc/actions';
import { useStore } from '../store';

function ThemeToggle(): ReactElement {
  const theme = useStore((s) => s.theme);
  const toggleTheme = useStore((s) => s.toggleTheme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="btn btn-ghost" data-testid="theme-toggle" onClick={toggleTheme} title={`Switch to ${next} theme`}>
      {theme === 'dark' ? '☾ Dark' : '☀ Light'}
    </button>
  );
}

function RunDemoButton(): ReactElement {
  const [busy, setBusy] = useState(false);
  const onClick = useCallback(() => {
    setBusy(true);
    void runDemo().finally(() => setBusy(false));
  }, []);
  return (
    <button type="button" className="btn btn-primary" data-testid="run-demo" onClick={onClick} disabled={busy}>
      {busy ? 'Starting demo…' : '▶ Run demo'}
    </button>
  );
}

export function Header(): ReactElement {
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">◆</span>
        <span className="brand-name">RecForge</span>
        <span className="brand-tag">recommender studio</span>
      </div>
      <div className="header-actions">
        <RunDemoButton />
        <ThemeToggle />
      </div>
    </header>
  );
}
