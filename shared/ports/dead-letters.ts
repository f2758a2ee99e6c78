/** Where a message that can never be processed goes, with the reason, so nothing accepted is lost silently. */
export interface DeadLetters {
  send(body: string, reason: string): Promise<void>;
}
