// Where reports come in: a labelled file picker (the keyboard and screen-reader
// path) inside a zone that also takes dropped files; the progress of a load
// with its cancel button, in a polite live region; and the files that could
// not be read, each named with the reason ([data-file-error]). Text only:
// file names and reasons are never markup.
import { useId, useState, type DragEvent } from 'react';
import type { ReportsText } from '~/core';
import { refusedName, refusedText, type RefusedFile } from './model';
import type { DmarcStrings } from './strings.zh';
import type { Phase } from './useDmarcReports';

const ACCEPT = '.xml,.gz,.zip,application/xml,text/xml,application/gzip,application/x-gzip,application/zip';

export function DropZone({
  s,
  reading,
  onFiles,
}: {
  s: DmarcStrings;
  reading: boolean;
  onFiles: (files: readonly File[]) => boolean;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const take = (files: readonly File[]): void => setBusy(files.length > 0 && !onFiles(files) && reading);
  const onDragOver = (e: DragEvent<HTMLDivElement>): void => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = reading ? 'none' : 'copy';
    setOver(true);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    take([...e.dataTransfer.files]);
  };
  return (
    <div
      className="mg-dmarc-drop"
      data-drop-zone=""
      data-over={over ? '' : undefined}
      aria-disabled={reading ? true : undefined}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="mg-dmarc-drop-title" aria-hidden="true">
        {s.dropTitle}
      </p>
      <div className="mg-field">
        <label htmlFor={`${id}-files`}>{s.pickLabel}</label>
        <input
          id={`${id}-files`}
          type="file"
          multiple
          accept={ACCEPT}
          disabled={reading}
          aria-describedby={`${id}-hint ${id}-privacy`}
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            // Cleared, so that choosing the same file again is a change too.
            e.currentTarget.value = '';
            take(files);
          }}
        />
      </div>
      <p id={`${id}-hint`} className="mg-hint">
        {s.dropHint}
      </p>
      <p id={`${id}-privacy`} className="mg-hint mg-dmarc-privacy">
        {s.privacy}
      </p>
      {busy && reading ? (
        <p className="mg-error" role="alert">
          {s.busy}
        </p>
      ) : null}
    </div>
  );
}

/** What the last load is doing or did, announced politely; the cancel button while it reads. */
export function LoadStatus({
  s,
  phase,
  reports,
  files,
  duplicates,
  onCancel,
}: {
  s: DmarcStrings;
  phase: Phase;
  reports: number;
  files: number;
  duplicates: number;
  onCancel: () => void;
}) {
  const reading = phase.kind === 'opening' || phase.kind === 'reading';
  const line =
    phase.kind === 'opening'
      ? s.readingFiles(phase.files)
      : phase.kind === 'reading'
        ? s.reading(
            phase.progress.filesDone,
            phase.progress.filesTotal,
            phase.progress.reports,
            phase.progress.xmlBytes,
          )
        : phase.kind === 'cancelled'
          ? s.cancelled(reports)
          : phase.kind === 'failed'
            ? s.readerFailed(phase.message)
            : phase.kind === 'done'
              ? s.loaded(reports, files)
              : '';
  const progress = phase.kind === 'reading' ? phase.progress : undefined;
  // The progress bar and its cancel button come first, so the line below can change length without moving them.
  return (
    <div className="mg-dmarc-status" data-phase={phase.kind}>
      {reading ? (
        <div className="mg-actions">
          <progress
            aria-label={s.inputLabel}
            max={progress ? Math.max(1, progress.filesTotal) : undefined}
            value={progress ? progress.filesDone : undefined}
          />
          <button type="button" onClick={onCancel}>
            {s.cancel}
          </button>
        </div>
      ) : null}
      <p role="status" aria-live="polite" className={phase.kind === 'failed' ? 'mg-error' : undefined}>
        {line}
        {!reading && duplicates > 0 && line ? ` ${s.duplicatesSkipped(duplicates)}` : ''}
      </p>
    </div>
  );
}

export function RefusedFiles({
  s,
  text,
  refused,
}: {
  s: DmarcStrings;
  text: ReportsText;
  refused: readonly RefusedFile[];
}) {
  const id = useId();
  if (refused.length === 0) return null;
  return (
    <section className="mg-dmarc-refused" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="mg-dmarc-h">
        {s.fileErrorsHeading(refused.length)}
      </h2>
      <ul>
        {refused.map((r, i) => (
          <li
            key={`${i}-${refusedName(r)}`}
            data-file-error={r.by === 'reader' ? r.error.code : r.code}
            data-file={refusedName(r)}
          >
            {refusedText(r, s, text)}
          </li>
        ))}
      </ul>
    </section>
  );
}
