/**
 * The data model every element and adapter speaks. Times are epoch milliseconds and
 * durations milliseconds. Anything an adapter returns is untrusted until validated.
 */

/** An account that posts stories, comments or views them. */
export interface Author {
  /** Stable, unique id of the account. */
  id: string;
  /** Display name, shown as text (never as HTML). */
  name: string;
  /** Handle without the leading `@`. */
  handle?: string;
  /** Avatar image URL (https, same-origin or `blob:`). */
  avatar?: string;
  /** Whether the platform verified the account. */
  verified?: boolean;
}

/** The ring states of an account, from "no live story" to "opening". */
export type RingState = 'none' | 'unseen' | 'seen' | 'loading';
