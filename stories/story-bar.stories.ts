import { html } from 'lit';
import '../src/story-bar.js';
import '../src/story-provider.js';
import { demoFeedUrl, pendingAdapter } from './fixtures.js';

interface Args {
  feed: string;
  label: string;
}

const bar = (a: Args) => html`<story-bar feed=${a.feed} label=${a.label}></story-bar>`;
const frame = (content: unknown, style = '') => html`<div style="inline-size:min(720px,90vw);${style}">${content}</div>`;

export default {
  title: 'Elements/story-bar',
  component: 'story-bar',
  args: { feed: demoFeedUrl(), label: 'Stories' } satisfies Args,
  render: (args: Args) => frame(bar(args)),
};

/** The demo world's followed accounts, from a static feed: unseen first. */
export const Default = {};

/** 1,000 accounts: only the rings near the viewport are in the DOM. */
export const ThousandAccounts = { args: { feed: demoFeedUrl(1000) } };

/** Skeleton rings while the feed loads (this one never arrives). */
export const Loading = {
  render: () => frame(html`<story-provider .adapter=${pendingAdapter}><story-bar></story-bar></story-provider>`),
};

/** No stories: hidden by default; here with the `empty` slot. */
export const Empty = {
  args: { feed: `data:application/json,${encodeURIComponent('{"reels":[]}')}` },
  render: (args: Args) => frame(html`<story-bar feed=${args.feed}><p slot="empty">No stories right now.</p></story-bar>`),
};

/** The feed failed: a polite message and a retry. */
export const LoadError = { args: { feed: '/fixtures/does-not-exist.json' } };

/** Right to left: the first account at the right; arrows follow the reading direction. */
export const RightToLeft = { render: (args: Args) => html`<div dir="rtl">${frame(bar(args))}</div>` };

/** On a dark page, with the dark palette. */
export const Dark = {
  render: (args: Args) => frame(bar(args), 'background:#111;color:#eee;padding:8px;border-radius:12px;color-scheme:dark;--story-color-accent:#4c8dff;--story-bar-color:#eee'),
};

/** Brand theming through custom properties. */
export const BrandColours = {
  render: (args: Args) => frame(bar(args), '--story-color-accent:#e1306c;--story-bar-ring-size:72px;--story-bar-gap:20px;--story-bar-background:#fff5f8;--story-bar-color:#5a0f2a;border-radius:16px'),
};
