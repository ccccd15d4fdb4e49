/** Loads the viewer's extras (see extras.ts) once, on first need. */
export type Extras = typeof import('./extras.js');

let loading: Promise<Extras> | undefined;

export function loadExtras(): Promise<Extras> {
  return (loading ??= import('./extras.js'));
}
