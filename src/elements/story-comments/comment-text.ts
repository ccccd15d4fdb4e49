import { html, type TemplateResult } from 'lit';
import { checkUrl } from '../../model/validate.js';

/** Longest text shown of one comment (the data layer accepts up to 2,000 from a backend). */
const SHOWN_TEXT = 2000;
/** https links and @mentions inside a comment. */
const TOKENS = /(https:\/\/[^\s<>"'\u2028\u2029]+[^\s<>"'.,;:!?)\]\u2028\u2029])|(@[\p{L}\p{N}_.]{1,30})/gu;

/** The text with https links and @mentions made safe to follow; everything else as text. */
export function commentText(raw: string): (string | TemplateResult)[] {
  const text = raw.length > SHOWN_TEXT ? `${raw.slice(0, SHOWN_TEXT)}…` : raw;
  const parts: (string | TemplateResult)[] = [];
  let at = 0;
  for (const match of text.matchAll(TOKENS)) {
    parts.push(text.slice(at, match.index));
    const [token, link] = match;
    const safe = link ? checkUrl(link, 'link') : null;
    if (safe && 'url' in safe) parts.push(html`<a part="link" href=${safe.url} target="_blank" rel="noopener noreferrer nofollow ugc">${token}</a>`);
    else if (!link) parts.push(html`<span part="mention" class="mention">${token}</span>`);
    else parts.push(token);
    at = match.index + token.length;
  }
  parts.push(text.slice(at));
  return parts;
}
