/**
 * The English words of <story-composer>'s tools (text, stickers, sound, effects, link,
 * mention, warning, captions): apart from the rest, so that each language's catalogue of
 * them is a module of its own, under 2 kB; the other languages are in src/i18n/locales.
 */
export const composerToolMessages = {
  // Each name is its button's and its panel's.
  'composerTools.tools': 'Personalise',
  'composerTools.text': 'Text',
  'composerTools.sticker': 'Sticker',
  'composerTools.sound': 'Sound',
  'composerTools.effect': 'Effect',
  'composerTools.link': 'Link',
  'composerTools.mention': 'Mention',
  'composerTools.sensitive': 'Sensitive',
  'composerTools.captions': 'Captions',

  /** Text colours, by the name a screen reader says. */
  'composerTools.colour': 'Colour',
  'composerTools.whiteColour': 'White',
  'composerTools.blackColour': 'Black',
  'composerTools.yellowColour': 'Yellow',
  'composerTools.redColour': 'Red',
  'composerTools.greenColour': 'Green',
  'composerTools.blueColour': 'Blue',
  /** Text styles: plain letters, on a band of colour, or outlined. */
  'composerTools.style': 'Style',
  'composerTools.plainStyle': 'plain',
  'composerTools.backgroundStyle': 'background',
  'composerTools.outlineStyle': 'outline',
  'composerTools.deleteText': 'Delete text',
  'composerTools.done': 'Done',
  'composerTools.addText': 'Add text',

  'composerTools.stickers': 'Stickers',
  /** An emoji sticker's button; `{emoji}` is the emoji. */
  'composerTools.emojiSticker': 'Sticker {emoji}',
  /** The photo effects: none, vivid colours, black and white, warm, cool, faded. */
  'composerTools.effects': 'Effects',
  'composerTools.noneEffect': 'none',
  'composerTools.vividEffect': 'vivid',
  'composerTools.monoEffect': 'mono',
  'composerTools.warmEffect': 'warm',
  'composerTools.coolEffect': 'cool',
  'composerTools.fadeEffect': 'fade',

  'composerTools.searchSounds': 'Search sounds',
  /** A sound with no title. */
  'composerTools.untitled': 'Untitled',
  /** Plays a sound found, to hear it. */
  'composerTools.previewSound': 'Preview',
  /** Makes a sound found the story's. */
  'composerTools.useSound': 'Use',
  'composerTools.soundStart': 'Start at (seconds)',
  'composerTools.noSound': 'No sound',

  'composerTools.linkField': 'Link (https)',
  /** The words a link shows on the story. */
  'composerTools.linkLabel': 'Label',
  'composerTools.addLink': 'Add link',
  'composerTools.linkNotHttps': 'This link cannot be added: links must be https.',
  'composerTools.linkTooLong': 'This link cannot be added: it is longer than {max} characters.',
  /** The mention field's example; a handle is an account's @name. */
  'composerTools.handle': '@handle',
  'composerTools.addMention': 'Add mention',
  'composerTools.badHandle': 'A mention is a handle of 1 to 30 letters, digits, dots or underscores.',

  'composerTools.markSensitive': 'Mark as sensitive: viewers see a warning and choose to show it',
  /** The field of the warning viewers see, and what it says at first. */
  'composerTools.warning': 'Warning',
  'composerTools.warningDefault': 'Sensitive content',

  'composerTools.captionsFile': 'Captions file (WebVTT)',
  /** The captions' language, as a tag ("en", "pt-BR"). */
  'composerTools.captionsLang': 'Language',
  'composerTools.removeTrack': 'Remove',
  /** `{max}` is a size ("512 kB"). */
  'composerTools.trackTooBig': 'This captions file is larger than {max}.',
  'composerTools.notWebVtt': 'Captions must be a WebVTT file (it starts with “WEBVTT”).',
};
