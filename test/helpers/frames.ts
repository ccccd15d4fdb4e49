/** Resolves the next message a probe page in an iframe posts about `step`. */
export function probeMessage<T = Record<string, unknown>>(step: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent) => {
      if (e.data?.step !== step) return;
      window.removeEventListener('message', onMessage);
      resolve(e.data as T);
    };
    window.addEventListener('message', onMessage);
  });
}
