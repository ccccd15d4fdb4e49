/**
 * The English words of <story-composer>; the other languages are in src/i18n/locales. `{error}`
 * is a reason given by the browser or the backend, as it gave it.
 */
export const composerMessages = {
  /** The dialog's name and heading. */
  'composer.title': 'New story',
  'composer.close': 'Close the composer (the draft is kept)',
  'composer.storageOff': 'Drafts cannot be kept in this browser (storage is off or full): publish before leaving the page.',
  'composer.saveFailed': 'The draft could not be saved in this browser ({error}); finish and publish it before leaving.',
  'composer.cancelled': 'Publishing was cancelled. Your draft is kept.',
  'composer.notPublished': 'Not published: {error}. Your draft is kept.',
  /** The tools' code could not be downloaded (a browser keeps that failure until the page is reloaded). */
  'composer.toolsFailed': 'The tools could not be loaded. Your draft is kept: reload the page to try again.',

  // Where a story starts: the camera or a file.
  'composer.noCameraAccess': 'This browser has no camera access here. You can still upload a photo or video.',
  'composer.cameraRefused': 'Camera access was refused. Allow it in the browser’s site settings, or upload a photo or video.',
  'composer.noCamera': 'No camera was found. You can still upload a photo or video.',
  /** The live preview's name; the front camera's is shown as a mirror. */
  'composer.preview': 'Camera preview',
  'composer.previewMirrored': 'Camera preview, mirrored',
  /** In the empty frame, on a screen with a mouse and keyboard. */
  'composer.dropHint': 'Drop a photo or video here, paste one, or choose below.',
  /** In the empty frame, on a touch screen. */
  'composer.touchHint': 'Use the camera, or choose a photo or video below.',
  'composer.takePhoto': 'Take photo',
  'composer.record': 'Record video',
  'composer.stopRecording': 'Stop recording',
  'composer.switchCamera': 'Switch camera',
  'composer.useCamera': 'Use camera',
  'composer.upload': 'Upload photo or video',
  'composer.mirrorNote': 'The front camera is shown as a mirror, and photos and videos are saved the same way, as you see them.',
  /** Under the buttons: `{imageSize}` and `{videoSize}` are sizes ("15 MB"), `{videoLength}` a length ("60 seconds"). */
  'composer.rules': 'Photos: JPEG, PNG, WebP or GIF up to {imageSize}. Videos: MP4, WebM or MOV up to {videoSize} and {videoLength}.',

  // A file refused. `{max}` and `{size}` are sizes ("15 MB"); a video's `{max}` and `{length}` are lengths ("60 seconds").
  /** `{name}` is the file's name. */
  'composer.notMediaNamed': '“{name}” is not a photo or video this accepts (JPEG, PNG, WebP, GIF, MP4, WebM or MOV).',
  'composer.notMedia': 'This file is not a photo or video this accepts (JPEG, PNG, WebP, GIF, MP4, WebM or MOV).',
  'composer.photoTooBig': 'Photos can be at most {max}; this one is {size}.',
  'composer.videoTooBig': 'Videos can be at most {max}; this one is {size}.',
  'composer.videoTooLong': 'Videos can be at most {max} long; this one is {length}.',
  'composer.emptyFile': 'This file is empty.',
  'composer.badPhoto': 'This photo could not be read (the file is damaged or not really an image).',
  'composer.badVideo': 'This video could not be read (the file is damaged or in a format this browser cannot play).',
  'composer.videoNoLength': 'This video could not be read (its length cannot be found).',

  // The story being composed.
  'composer.frame': 'Story preview',
  /** A badge on the preview; `{warning}` is what viewers are warned of. */
  'composer.badge': 'Sensitive: {warning}',
  'composer.badgeEmpty': 'Sensitive: no warning yet',
  /** The name of an overlay on the story, by kind; `{text}`, `{name}`, `{label}`, `{handle}` are the author's. */
  'composer.textOverlay': 'Text “{text}”',
  'composer.stickerOverlay': 'Sticker {name}',
  'composer.linkOverlay': 'Link {label}',
  'composer.mentionOverlay': 'Mention @{handle}',
  /** After an overlay's name (`{overlay}`): how to move it with the keys. */
  'composer.overlayKeys': '{overlay}. Drag or use the arrow keys to move, plus and minus to resize, brackets to rotate, Delete to remove.',

  // The footer.
  'composer.publishing': 'Publishing',
  'composer.cancel': 'Cancel',
  'composer.discard': 'Discard',
  'composer.allowComments': 'Allow comments',
  'composer.publish': 'Publish',
  'composer.retry': 'Retry',
  'composer.discardQuestion': 'Discard this story?',
  'composer.discardText': 'The photo or video and everything added to it will be deleted.',
  'composer.keepEditing': 'Keep editing',
};
