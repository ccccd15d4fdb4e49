/**
 * `url` made absolute against the page's address. Where that cannot be done (a relative URL
 * on a server rendering the elements: there is no page) it is kept as given, so nothing
 * throws on construction; fetching it later fails as a typed \`Network\` error.
 */
export function resolveUrl(url: string | URL): string {
  const base = globalThis.location?.href;
  return URL.canParse(url, base) ? new URL(url, base).href : String(url);
}
