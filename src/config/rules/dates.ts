import type { ConfigDraft } from '../draft.js';
import type { ConfigReader } from '../reader.js';

/**
 * `config/date`: the last day is not before the first, and the reply-by date
 * falls between the date letters are issued and the first day.
 * ISO dates compare correctly as strings.
 */
export function checkDates(reader: ConfigReader, draft: ConfigDraft): void {
  const event = draft.event;
  if (!event) return;
  const start = event.dates?.start;
  const end = event.dates?.end;
  if (start && end && end.value < start.value) {
    reader.report(end.place, 'config/date',
      `${end.where} is ${end.value}, before ${start.where} ${start.value}: the last day cannot come before the first.`);
  }
  const { replyBy, issued } = event;
  if (replyBy && issued && replyBy.value < issued.value) {
    reader.report(replyBy.place, 'config/date',
      `${replyBy.where} is ${replyBy.value}, before ${issued.where} ${issued.value}: ` +
        'letters cannot ask for a reply before they are sent. Move one of the two dates.');
  }
  if (replyBy && start && replyBy.value > start.value) {
    reader.report(replyBy.place, 'config/date',
      `${replyBy.where} is ${replyBy.value}, after the seminar starts on ${start.value} (${start.where}): ` +
        'set a reply-by date before the first day.');
  }
}
