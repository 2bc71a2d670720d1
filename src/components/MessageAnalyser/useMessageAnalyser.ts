// State of the message analyser: the pasted text or the picked file, the IP
// that overrides the one read from the headers, and the analysis of the last
// run as it arrives section by section. Runs go through useToolRun (one at a
// time, the previous one aborted, the DoH client over the visitor's resolvers);
// the work itself runs in a worker (./runner.ts). A paste, a drop, a picked
// file and the Analyse button run at once; typing runs after a pause. No page
// address parameter carries message text (only `?resolver=` is read).
import { useCallback, useEffect, useRef, useState } from 'react';
import { MESSAGE_LIMITS, normaliseIp, type MessageAnalysis, type QueryFn, type Resolver, type ResolverLeader } from '~/core';
import { useToolRun } from '../ui/useToolRun';
import { firstWave } from './firstWave';
import { prepareAnalyser, runAnalysis } from './runner';

/** Pause after the last keystroke before a typed change is analysed. */
export const TYPING_PAUSE_MS = 500;

export interface PickedFile {
  readonly name: string;
  readonly size: number;
  /** The file's first bytes (at most MESSAGE_LIMITS.maxInputBytes + 1: enough for the analyser to say it is too large). */
  readonly bytes: ArrayBuffer;
}

export type Phase = 'idle' | 'running' | 'done' | 'failed';

interface RunArgs {
  readonly input: string | ArrayBuffer;
  readonly ip: string | undefined;
}

export interface MessageAnalyserState {
  readonly text: string;
  readonly file: PickedFile | undefined;
  readonly ip: string;
  /** The IP typed, when it is not an address. */
  readonly ipInvalid: boolean;
  readonly phase: Phase;
  readonly analysis: MessageAnalysis | undefined;
  /** When the last run finished. */
  readonly ranAt: number | undefined;
  /** Resolver ids whose answers the last run used. */
  readonly answeredBy: readonly string[];
}

/** `leader`: the page's resolver leader (useResolvers), when the choice is automatic: who answers first is asked first, as in every tool. */
export function useMessageAnalyser(resolvers: readonly Resolver[], resolversReady: boolean, leader?: ResolverLeader | undefined) {
  const [text, setTextState] = useState('');
  const [file, setFile] = useState<PickedFile | undefined>(undefined);
  const [ip, setIpState] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [analysis, setAnalysis] = useState<MessageAnalysis | undefined>(undefined);
  const [ranAt, setRanAt] = useState<number | undefined>(undefined);
  const [answeredBy, setAnsweredBy] = useState<readonly string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The latest inputs, for timers and file reads that finish later.
  const latest = useRef({ text, file, ip });
  latest.current = { text, file, ip };

  const tool = useToolRun<RunArgs>({
    resolvers,
    leader,
    resolversReady,
    task: async ({ input, ip: overrideIp }, { signal, client }) => {
      setPhase('running');
      const answered = new Set<string>();
      const run = client.newRun(signal);
      const query: QueryFn = (name, type, s) =>
        run(name, type, s).then((response) => {
          answered.add(response.resolverId);
          return response;
        });
      // The first wave goes out now, while the worker is still reading the message.
      for (const name of firstWave(input)) query(name, 'TXT').catch(() => undefined);
      try {
        const result = await runAnalysis({
          input,
          ip: overrideIp,
          now: Date.now(),
          query,
          signal,
          onUpdate: (a) => {
            if (!signal.aborted) setAnalysis(a);
          },
        });
        if (signal.aborted) return;
        setAnalysis(result);
        setAnsweredBy([...answered]);
        setRanAt(Date.now());
        setPhase('done');
      } catch {
        if (signal.aborted) return;
        setPhase('failed');
      }
    },
  });
  const { start, stop } = tool;

  const ipFor = (value: string): string | undefined => {
    const trimmed = value.trim();
    return trimmed !== '' && normaliseIp(trimmed) !== undefined ? trimmed : undefined;
  };

  /** Runs now on what is in the form (the button, a paste, a picked file). */
  const runNow = useCallback(() => {
    clearTimeout(timer.current);
    const { text: t, file: f, ip: i } = latest.current;
    start({ input: f ? f.bytes : t, ip: ipFor(i) });
  }, [start]);

  const runLater = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(runNow, TYPING_PAUSE_MS);
  }, [runNow]);

  const reset = useCallback(() => {
    clearTimeout(timer.current);
    stop();
    setAnalysis(undefined);
    setPhase('idle');
    setRanAt(undefined);
  }, [stop]);

  /** The textarea changed; `pasted` when the change was a paste or a drop. */
  const setText = useCallback(
    (value: string, pasted: boolean) => {
      setTextState(value);
      setFile(undefined);
      latest.current = { ...latest.current, text: value, file: undefined };
      if (value.trim() === '') reset();
      else if (pasted) runNow();
      else runLater();
    },
    [reset, runNow, runLater],
  );

  const pickFile = useCallback(
    async (picked: File | undefined) => {
      if (!picked) return;
      prepareAnalyser();
      const bytes = await picked.slice(0, MESSAGE_LIMITS.maxInputBytes + 1).arrayBuffer();
      const f: PickedFile = { name: picked.name, size: picked.size, bytes };
      setFile(f);
      latest.current = { ...latest.current, file: f };
      runNow();
    },
    [runNow],
  );

  const clearFile = useCallback(() => {
    setFile(undefined);
    latest.current = { ...latest.current, file: undefined };
    if (latest.current.text.trim() === '') reset();
    else runNow();
  }, [reset, runNow]);

  const setIp = useCallback(
    (value: string) => {
      setIpState(value);
      latest.current = { ...latest.current, ip: value };
      const { text: t, file: f } = latest.current;
      if (f || t.trim() !== '') runLater();
    },
    [runLater],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  const state: MessageAnalyserState = {
    text,
    file,
    ip,
    ipInvalid: ip.trim() !== '' && normaliseIp(ip.trim()) === undefined,
    phase,
    analysis,
    ranAt,
    answeredBy,
  };
  return { state, setText, pickFile, clearFile, setIp, runNow, prepare: prepareAnalyser };
}
