import type { EventName } from '@lit/react';
import {
  StoryEvents,
  type StoryChangeEvent,
  type StoryCloseEvent,
  type StoryCommentEvent,
  type StoryCompleteEvent,
  type StoryCreateEvent,
  type StoryErrorEvent,
  type StoryHoldEvent,
  type StoryOpenEvent,
  type StoryPauseEvent,
  type StoryPublishEvent,
  type StoryResumeEvent,
  type StoryViewersCountEvent,
  type StoryViewEvent,
} from '../events.js';

/** An event name that tells @lit/react the class its handler prop receives. */
const typed = <E extends Event>(name: string) => name as EventName<E>;

/** React props (`onStoryOpen`) -> the DOM events they listen to (`story-open`), by element. */
export const onOpen = { onStoryOpen: typed<StoryOpenEvent>(StoryEvents.open) };
export const onError = { onStoryError: typed<StoryErrorEvent>(StoryEvents.error) };
export const onCreate = { onStoryCreate: typed<StoryCreateEvent>(StoryEvents.create) };
export const onPublish = { onStoryPublish: typed<StoryPublishEvent>(StoryEvents.publish) };
export const onViewersCount = { onStoryViewersCount: typed<StoryViewersCountEvent>(StoryEvents.viewersCount) };
export const onComment = {
  onStoryComment: typed<StoryCommentEvent>(StoryEvents.comment),
  onStoryHold: typed<StoryHoldEvent>(StoryEvents.hold),
};
export const onPlayback = {
  onStoryChange: typed<StoryChangeEvent>(StoryEvents.change),
  onStoryView: typed<StoryViewEvent>(StoryEvents.view),
  onStoryPause: typed<StoryPauseEvent>(StoryEvents.pause),
  onStoryResume: typed<StoryResumeEvent>(StoryEvents.resume),
  onStoryComplete: typed<StoryCompleteEvent>(StoryEvents.complete),
  onStoryClose: typed<StoryCloseEvent>(StoryEvents.close),
};
