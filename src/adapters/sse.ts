/**
 * Server-Sent Events over fetch: unlike EventSource, it can send an Authorization header
 * (the author's view events are private), and it is stopped with an AbortSignal. It
 * reconnects after a dropped connection with capped backoff, sending `Last-Event-ID`.
 */
export interface SseOptions {
  headers: () => Promise<Record<string, string>>;
  onMessage: (data: string) => void;
  signal: AbortSignal;
  /** Longest wait between reconnections (ms). */
  maxDelay?: number;
}

/** Reads `url` as an event stream until `signal` aborts; never rejects. */
export async function readEventStream(url: string, options: SseOptions): Promise<void> {
  const { signal } = options;
  let lastId = '';
  let failures = 0;
  while (!signal.aborted) {
    try {
      const headers = { ...(await options.headers()), accept: 'text/event-stream', ...(lastId ? { 'last-event-id': lastId } : {}) };
      const res = await fetch(url, { headers, signal, credentials: 'omit', cache: 'no-store' });
      // A refusal (403, 404: the story is gone) is final; an expired token (401), a rate
      // limit (429) and server errors are retried later.
      if (res.status >= 400 && res.status < 500 && res.status !== 401 && res.status !== 429) return;
      // Not an event stream (a fallback page answering 200): a failure, retried with backoff.
      if (!res.ok || !res.body || !(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) throw new Error(`${res.status}`);
      let heard = false;
      let buffer = '';
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        // Events end with a blank line; lines end with CRLF, LF or CR.
        let end: RegExpExecArray | null;
        while ((end = /\r\n\r\n|\n\n|\r\r/.exec(buffer))) {
          const block = buffer.slice(0, end.index);
          buffer = buffer.slice(end.index + end[0].length);
          const data: string[] = [];
          for (const line of block.split(/\r\n|\n|\r/)) {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'data') data.push(value);
            else if (field === 'id') lastId = value;
          }
          if (data.length) {
            heard = true;
            options.onMessage(data.join('\n'));
          }
        }
      }
      // A stream that carried events ended cleanly: reconnect at once. One that carried
      // nothing counts as a failure, so a server that keeps closing it is not hammered.
      failures = heard ? 0 : failures + 1;
    } catch {
      if (signal.aborted) return;
      failures++;
    }
    if (signal.aborted) return;
    // Reconnect: 1 s, 2 s, 4 s … at most maxDelay (at once after a stream that carried events).
    const delay = failures ? Math.min(options.maxDelay ?? 30_000, 1000 * 2 ** (failures - 1)) : 0;
    await new Promise<void>((resolve) => {
      const onAbort = () => (clearTimeout(timer), resolve());
      const timer = setTimeout(() => (signal.removeEventListener('abort', onAbort), resolve()), delay);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}
