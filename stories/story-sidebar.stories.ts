import { html } from 'lit';
import '../src/story-sidebar.js';
import '../src/story-provider.js';
import { demoFeedUrl, pendingAdapter } from './fixtures.js';

interface Args {
  feed: string;
  heading: string;
  placement: 'start' | 'end';
}

const sidebar = (a: Args, attrs: { open?: boolean; docked?: boolean; theme?: string } = {}) =>
  html`<story-sidebar feed=${a.feed} heading=${a.heading} placement=${a.placement} ?open=${attrs.open} ?docked=${attrs.docked} theme=${attrs.theme ?? ''}>
    <button slot="trigger">Stories</button>
  </story-sidebar>`;

export default {
  title: 'Elements/story-sidebar',
  component: 'story-sidebar',
  args: { feed: demoFeedUrl(), heading: 'Stories', placement: 'start' } satisfies Args,
  argTypes: { placement: { control: 'inline-radio', options: ['start', 'end'] } },
  render: (args: Args) => sidebar(args),
};

/** Closed, with its trigger: press it to slide the panel in. */
export const WithTrigger = {};

/** Open on a wide screen with the trigger at its edge: the panel starts below the trigger, which stays uncovered; a click outside closes it. */
export const OpenBesideItsTrigger = {
  render: (args: Args) => sidebar(args, { open: true }),
};

/** Docked in the page: always shown, no dialog. */
export const Docked = {
  render: (args: Args) => html`<div style="block-size:480px;border:1px solid #ddd">${sidebar(args, { docked: true })}</div>`,
};

/** Docked, with the dark palette. */
export const DockedDark = {
  render: (args: Args) => html`<div style="block-size:480px;background:#000">${sidebar(args, { docked: true, theme: 'dark' })}</div>`,
};

/** 1,000 accounts, docked: only rows near the viewport are in the DOM. */
export const ThousandAccounts = {
  args: { feed: demoFeedUrl(1000) },
  render: (args: Args) => html`<div style="block-size:480px">${sidebar(args, { docked: true })}</div>`,
};

/** Skeleton rows while the feed loads. */
export const Loading = {
  render: () => html`<div style="block-size:400px"><story-provider .adapter=${pendingAdapter}><story-sidebar docked></story-sidebar></story-provider></div>`,
};

/** The feed failed. */
export const LoadError = {
  args: { feed: '/fixtures/does-not-exist.json' },
  render: (args: Args) => html`<div style="block-size:300px">${sidebar(args, { docked: true })}</div>`,
};

/** Right to left. */
export const RightToLeft = {
  render: (args: Args) => html`<div dir="rtl" style="block-size:480px">${sidebar(args, { docked: true })}</div>`,
};
