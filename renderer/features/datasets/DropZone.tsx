import { useCallback, useRef, useState, type ChangeEvent, type DragEvent, type KeyboardEvent, type ReactElement } from 'react';
import { chooseFiles } from '../../ipc/importActions';
import { useStore } from '../../store';

/** Drop target plus a hidden file picker (click or Enter/Space to browse). */
export function DropZone(): ReactElement {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const importing = useStore((s) => s.importing);

  const browse = useCallback(() => input.current?.click(), []);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      browse();
    },
    [browse],
  );
  const onDragOver = useCallback((e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  }, []);
  const onDragLeave = useCallback(() => setOver(false), []);
  const onDrop = useCallback((e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    chooseFiles(Array.from(e.dataTransfer.files));
  }, []);
  const onChange = useCallback((e: ChangeEvent<HTMLInputElement>) => {
    chooseFiles(Array.from(e.target.files ?? []));
    e.target.value = '';
  }, []);

  const className = `drop-zone${over ? ' over' : ''}${importing ? ' disabled' : ''}`;
  return (
    <>
      <div
        className={className}
        data-testid="drop-zone"
        role="button"
        tabIndex={0}
        aria-label="Drop files to import, or press Enter to browse"
        onClick={browse}
        onKeyDown={onKeyDown}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        <div className="drop-icon" aria-hidden="true">⇪</div>
        <div className="drop-title">Drop interaction files here</div>
        <div className="drop-hint">or click to browse · u.data + u.item (+ u.user), or any .csv, .jsonl, .parquet</div>
      </div>
      <input ref={input} type="file" multiple hidden data-testid="file-input" onChange={onChange} />
    </>
  );
}
