import { FieldCipher } from './field-cipher';

/**
 * What keeps an informant (a sealed report, `Anonymity.Sealed`) unlinkable from their case outside
 * `case_sealed_reporters`: no plain row may hold both the user id and the case id. Values derived
 * from the user id are keyed hashes (FieldCipher.blindIndex), so without the server's key nobody
 * reading the database, a backup or a replica can recompute them from a user id.
 */

/**
 * The submitter of an Idempotency-Key (`idempotency_keys.user_key`), for every report: a keyed
 * hash of the user and the key, so rows of one user's submissions cannot be told to be theirs nor
 * tied to each other (an informant's ordinary report would otherwise name them beside a sealed one).
 */
export const idempotencyUserKey = (userId: number, key: string): string => FieldCipher.blindIndex(`idempotency:${userId}:${key}`);

/**
 * The reporter key (`cases.reporter_key`) of a sealed report: another keyed hash than the user's
 * ordinary one (`reporterKeyOf`), which sits beside `reporter_id` on their other cases and would name them.
 */
export const sealedReporterKeyOf = (userId: number): string => FieldCipher.blindIndex(`sealed-reporter:${userId}`);

/** The outbox dedupe key of a confidential notice (its plain form names the case and the user). */
export const sealedDedupeKey = (plain: string): string => `sealed:${FieldCipher.blindIndex(`outbox:${plain}`)}`;

/** The stored title and body of a sealed reporter's in-app notification; the real ones are in `sealed_enc`. */
export const SEALED_NOTICE_TITLE = '您有一条新消息';
export const SEALED_NOTICE_BODY = '请打开查看';

/** `uploads.owner_id` of a photo a sealed case has claimed: the owner is no longer needed, and would name the informant. */
export const DISOWNED_UPLOAD_OWNER = 0;

/** The encrypted content of a confidential in-app notification. */
export interface SealedNoticeContent {
  caseId: number | null;
  title: string;
  body: string;
}
