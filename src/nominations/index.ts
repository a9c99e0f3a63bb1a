/** Nomination forms: generate (PDF with AcroForm fields, DOCX), fill, read back and collect. */
export { nominationRows, rowsPerKind, SEAT_KINDS, type NominationRow, type SeatKind } from './rows.js';
export { FIELD_KEYS, FORM_ID, IDENTITY_FIELDS, REQUIRED_FIELDS, fieldName, type FieldKey } from './fields.js';
export { NOMINATION_MESSAGE, NOMINATION_MESSAGES, type MessageFn } from './messages.js';
export { renderNominationPdf, type FormInput } from './form-pdf.js';
export { nominationModel } from './form-model.js';
export { fillNominationPdf, UnknownFieldError, type FillOptions } from './fill-pdf.js';
export { readNominationForm, type FilledForm, type FormReading } from './read-form.js';
export { checkNominationForm, isEmailAddress } from './check-form.js';
export { readParticipants, writeParticipants, mergeParticipants, type Participant } from './participants.js';
export { collectNominations, PARTICIPANTS_FILE, type CollectResult } from './collect.js';
export { withParticipantsLock, PARTICIPANTS_LOCK_FILE } from './participants-lock.js';
export { FORM_MEMORY_MB, FORM_TIMEOUT_MS, MAX_FIELD_CHARS, MAX_FORM_BYTES, MAX_INFLATED_BYTES, MAX_PDF_OBJECTS, MAX_PDF_WARNINGS, PARTICIPANTS_LOCK_WAIT_MS } from './form-limits.js';
