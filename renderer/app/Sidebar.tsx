import { memo, useCallback, type ReactElement } from 'react';
import { useStore } from '../store';
import type { Page } from '../store/types';

interface NavItemProps {
  readonly target: Exclude<Page, 'run'>;
  readonly label: string;
  readonly icon: string;
  readonly count: number;
}

const NavItem = memo(function NavItem({ target, label, icon, count }: NavItemProps): ReactElement {
  const active = useStore((s) => s.page === target || (target === 'runs' && s.page === 'run'));
  const navigate = useStore((s) => s.navigate);
  const onClick = useCallback(() => navigate(target), [navigate, target]);
  return (
    <button
      type="button"
      className={active ? 'nav-item active' : 'nav-item'}
      data-testid={`nav-${target}`}
      aria-current={active ? 'page' : undefined}
      onClick={onClick}
    >
      <span className="nav-icon" aria-hidden="true">{icon}</span>
      <span className="nav-label">{label}</span>
      <span className="nav-count">{count}</span>
    </button>
  );
});

export function Sidebar(): ReactElement {
  const datasetCount = useStore((s) => s.datasets.length);
  const runCount = useStore((s) => s.runs.length);
  return (
    <nav className="sidebar" aria-label="Main">
      <NavItem target="datasets" label="Datasets" icon="▤" count={datasetCount} />
      <NavItem target="runs" label="Runs" icon="↗" count={runCount} />
    </nav>
  );
}
