/** Longest comment, in characters, that the built-in adapters, the reference server and the comment field accept. */
export const COMMENT_MAX_LENGTH = 500;
