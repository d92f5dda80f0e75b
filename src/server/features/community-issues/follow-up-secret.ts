import { createHmac } from "node:crypto";
import { generateToken, hashToken, isSameSecret } from "../../security/tokens";

/**
 * The secret of a resident's follow-up link (the public channel, issue 7). The link carries the
 * issue's reference code and this secret; the database keeps only the secret's SHA-256
 * (`community_issues.follow_up_secret_hash`), so a copy of the database opens no follow-up page.
 * 256 random bits, so a hash without salt or stretching is enough (as for session tokens).
 */
export interface FollowUpSecret {
  /** Given to the resident once, in the link; never stored. */
  readonly secret: string;
  /** What the database stores. */
  readonly hash: string;
}

export function createFollowUpSecret(): FollowUpSecret {
  const secret = generateToken();
  return { secret, hash: hashToken(secret) };
}

/**
 * The secret of a submission the public page identified with its own random client id (a UUID,
 * 122 random bits): derived from that id, so that a retry of the same submission gets the same
 * link back while the database still keeps only hashes. Whoever holds the client id could ask for
 * the receipt again anyway, so the derived secret is as strong as the id.
 */
export function followUpSecretForClient(
  clientId: string,
): FollowUpSecret & { clientKeyHash: string } {
  const secret = createHmac("sha256", clientId)
    .update("tandem follow-up secret")
    .digest("base64url");
  return { secret, hash: hashToken(secret), clientKeyHash: hashToken(clientId) };
}

/** Stands in for a missing hash: the hash of a secret nobody was ever given. */
const UNKNOWN_SECRET_HASH = hashToken(generateToken());

/**
 * Whether `given` is the secret whose hash is stored, compared in constant time. A missing hash
 * (an unknown reference, or an issue recorded by an officer, with no link handed out) matches
 * nothing, after the same work: the time of an answer tells nothing about which case it was.
 */
export function isFollowUpSecretValid(
  given: string,
  storedHash: string | null | undefined,
): boolean {
  // Hash first: a forged secret of any length costs the same, and only hashes are compared.
  const isSame = isSameSecret(hashToken(given), storedHash ?? UNKNOWN_SECRET_HASH);
  return isSame && storedHash !== null && storedHash !== undefined;
}
