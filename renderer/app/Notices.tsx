import { useEffect, type ReactElement } from 'react';
import { useStore } from '../store';
import type { Notice } from '../store/types';

/** How long a notice stays before it fades out by itself. */
const NOTICE_MS = 8000;

function NoticeToast({ notice }: { readonly notice: Notice }): ReactElement {
  const dismiss = useStore((s) => s.dismissNotice);
  const openRun = useStore((s) => s.openRun);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(notice.id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [dismiss, notice.id]);
  return (
    <li className={`notice notice-${notice.tone}`} data-testid="notice" role="status">
      <button type="button" className="notice-open" onClick={() => { openRun(notice.runId); dismiss(notice.id); }}>{notice.text}</button>
      <button type="button" className="notice-close" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>×</button>
    </li>
  );
}

/** Toasts in the corner: runs that ended while the user looked elsewhere. */
export function Notices(): ReactElement {
  const notices = useStore((s) => s.notices);
  return (
    <ul className="notices" aria-live="polite">
      {notices.map((n) => <NoticeToast key={n.id} notice={n} />)}
    </ul>
  );
}
