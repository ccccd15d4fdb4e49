/**
 * The English words of <story-comments>; the other languages are in src/i18n/locales. `{name}`
 * is a commenter's name; `{error}` is a reason the backend gave, as it gave it.
 */
export const commentsMessages = {
  /** The list of the latest few comments, over the story. */
  'comments.latest': 'Latest comments',
  /** The name of the button that opens the panel; `{n}` comments are loaded, and there may be more. */
  'comments.open': { one: 'Comments, {n}', other: 'Comments, {n}' },
  'comments.openMore': { one: 'Comments, {n} or more', other: 'Comments, {n} or more' },
  /** The panel's name and heading. */
  'comments.title': 'Comments',
  'comments.close': 'Close comments',
  'comments.loadFailed': 'Comments could not be loaded: {error}',
  'comments.loading': 'Loading comments…',
  'comments.empty': 'No comments yet.',
  /** The scrolling list of every comment, in the panel. */
  'comments.all': 'All comments',

  // A comment of one's own on its way, or refused by the backend.
  'comments.sending': 'Sending…',
  'comments.notSent': 'Not sent',
  'comments.notSentWhy': 'Not sent: {error}',
  'comments.notSentRefused': 'Not sent: refused',
  'comments.retry': 'Retry',
  /** Puts a refused comment's text back in the field. */
  'comments.edit': 'Edit',
  'comments.discard': 'Discard',

  // A comment's actions.
  'comments.reply': 'Reply',
  'comments.delete': 'Delete',
  'comments.report': 'Report',
  /** Shown instead of Report once reported. */
  'comments.reportedMark': 'Reported',

  // Said to screen readers (a live region) after an action.
  'comments.deleted': 'Comment deleted',
  'comments.deleteFailed': 'Could not delete: {error}',
  'comments.reported': 'Reported. Thank you.',
  'comments.reportFailed': 'Could not report: {error}',
  'comments.replyKept': 'Replying to {name}. Your comment is kept for later.',

  // The field. `{max}` is the longest a comment may be, in characters.
  /** Above the field while replying; the name is set apart (it may be in another script). */
  'comments.replyingTo': 'Replying to {name}',
  'comments.cancelReply': 'Cancel reply to {name}',
  'comments.field': 'Add a comment (up to {max} characters)',
  'comments.replyField': 'Reply to {name} (up to {max} characters)',
  'comments.placeholder': 'Add a comment…',
  /** Near the limit: characters left, or how many too many. */
  'comments.left': { one: '{n} left', other: '{n} left' },
  'comments.over': { one: '{n} over the limit of {max}', other: '{n} over the limit of {max}' },
  'comments.send': 'Send',
};
