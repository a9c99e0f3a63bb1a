import { addDays, daysInclusive, minutesOf } from '../calendar.js';
import type { ConfigDraft, SessionDraft } from '../draft.js';
import type { ConfigReader } from '../reader.js';

/**
 * The programme's days and times:
 *
 * - `config/day-range`: every session falls on a day of the event;
 * - `config/slot-order`: a session ends after it starts, and the list runs day
 *   by day, each day's sessions in order of start time (the printed programme
 *   follows the list);
 * - `config/slot-overlap`: sessions of one day do not overlap, except discussion
 *   groups (`kind: group`) held at the same time in different rooms.
 */
export function checkProgramme(reader: ConfigReader, draft: ConfigDraft): void {
  const sessions = draft.programme ?? [];
  const outside = checkDays(reader, draft, sessions);
  // A session on a day outside the event is reported once, not again for its order or overlaps.
  const inside = sessions.filter((s) => !outside.has(s));
  checkOrder(reader, inside);
  checkOverlaps(reader, inside);
}

/** Reports sessions outside the event's days and returns them. */
function checkDays(reader: ConfigReader, draft: ConfigDraft, sessions: SessionDraft[]): Set<SessionDraft> {
  const outside = new Set<SessionDraft>();
  const start = draft.event?.dates?.start?.value;
  const end = draft.event?.dates?.end?.value;
  if (!start || !end || end < start) return outside;
  const days = daysInclusive(start, end);
  const span = days === 1 ? `runs 1 day, on ${start}` : `runs ${days} days from ${start} to ${end}`;
  for (const session of sessions) {
    const day = session.day;
    if (!day || (day.value >= 1 && day.value <= days)) continue;
    outside.add(session);
    const fix = days === 1 ? 'Use day 1' : `Use a day from 1 to ${days}`;
    const date = day.value >= 1 ? `; it would fall on ${addDays(start, day.value - 1)}` : '';
    reader.report(day.place, 'config/day-range',
      `${day.where}: day ${day.value} is outside the event, which ${span}${date}. ` +
        `${fix}, or change event.dates.`);
  }
  return outside;
}

/** A session whose day and times were read and whose end is after its start. */
interface Slot {
  session: SessionDraft;
  day: number;
  start: number;
  end: number;
}

function checkOrder(reader: ConfigReader, sessions: SessionDraft[]): void {
  let previous: { session: SessionDraft; day: number; start: number } | undefined;
  for (const session of sessions) {
    const { day, start, end } = session;
    if (start && end && minutesOf(end.value) <= minutesOf(start.value)) {
      reader.report(end.place, 'config/slot-order',
        `${end.where} is ${end.value}, not after its start ${start.value}: a session must end after it starts.`);
    }
    if (!day || !start) continue;
    if (previous) {
      if (day.value < previous.day) {
        reader.report(day.place, 'config/slot-order',
          `${session.where} is on day ${day.value} but comes after ${previous.session.where} on day ${previous.day}: ` +
            'list the sessions day by day.');
      } else if (day.value === previous.day && minutesOf(start.value) < previous.start) {
        reader.report(start.place, 'config/slot-order',
          `${session.where} starts at ${start.value} on day ${day.value}, before ${previous.session.where} ` +
            `listed above it (${previous.session.start?.value}): list each day's sessions in order of start time.`);
      }
    }
    previous = { session, day: day.value, start: minutesOf(start.value) };
  }
}

function checkOverlaps(reader: ConfigReader, sessions: SessionDraft[]): void {
  const slots: Slot[] = [];
  for (const session of sessions) {
    const { day, start, end } = session;
    if (!day || !start || !end || minutesOf(end.value) <= minutesOf(start.value)) continue;
    slots.push({ session, day: day.value, start: minutesOf(start.value), end: minutesOf(end.value) });
  }
  // Order by day and start (stable, so ties keep list order), then compare each with the ones after it.
  slots.sort((a, b) => a.day - b.day || a.start - b.start);
  for (let i = 0; i < slots.length; i++) {
    const earlier = slots[i]!;
    for (let j = i + 1; j < slots.length; j++) {
      const later = slots[j]!;
      if (later.day !== earlier.day || later.start >= earlier.end) break;
      // A session with an unreadable kind or room might be a parallel group: its error is reported already.
      if (earlier.session.incomplete || later.session.incomplete) continue;
      if (areParallelGroups(earlier.session, later.session)) continue;
      const e = earlier.session;
      const l = later.session;
      reader.report(l.start!.place, 'config/slot-overlap',
        `${l.where}, ${l.start!.value}–${l.end!.value} on day ${later.day}, overlaps ${e.where}, ` +
          `${e.start!.value}–${e.end!.value}: start it at ${e.end!.value} or later, or end the other one earlier. ` +
          '(Discussion groups may run at the same time: give both kind: group and different rooms.)');
    }
  }
}

function areParallelGroups(a: SessionDraft, b: SessionDraft): boolean {
  return a.kind?.value === 'group' && b.kind?.value === 'group' &&
    a.room !== undefined && b.room !== undefined && a.room !== b.room;
}
