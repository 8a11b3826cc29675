import { memo, useCallback, type ReactElement } from 'react';
import { useStore } from '../store';
import type { Page } from '../store/types';

interface NavItemProps {
  readonly target: Exclude<Page, 'run'>;
  readonly label: string;
  readonly icon: string;
  readonly count?: number;
  readonly shortcut: string;
}

const NavItem = memo(function NavItem({ target, label, icon, count, shortcut }: NavItemProps): ReactElement {
  const active = useStore((s) => s.page === target || (target === 'runs' && s.page === 'run'));
  const navigate = useStore((s) => s.navigate);
  const onClick = useCallback(() => navigate(target), [navigate, target]);
  return (
    <button
      type="button"
      className={active ? 'nav-item active' : 'nav-item'}
      data-testid={`nav-${target}`}
      aria-current={active ? 'page' : undefined}
      title={`${label} (${shortcut})`}
      onClick={onClick}
    >
      <span className="nav-icon" aria-hidden="true">{icon}</span>
      <span className="nav-label">{label}</span>
      {count === undefined ? null : <span className="nav-count">{count}</span>}
    </button>
  );
});

export function Sidebar(): ReactElement {
  const datasetCount = useStore((s) => s.datasets.length);
  const runCount = useStore((s) => s.runs.length);
  const compareCount = useStore((s) => s.compareIds.length);
  return (
    <nav className="sidebar" aria-label="Main">
      <NavItem target="datasets" label="Datasets" icon="▤" count={datasetCount} shortcut="Alt+1" />
      <NavItem target="runs" label="Runs" icon="↗" count={runCount} shortcut="Alt+2" />
      <NavItem target="compare" label="Compare" icon="≋" count={compareCount} shortcut="Alt+3" />
      <NavItem target="models" label="Models" icon="◇" shortcut="Alt+4" />
    </nav>
  );
}
