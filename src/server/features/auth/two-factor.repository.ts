import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../../db/schema";

export interface TotpRow {
  readonly secretEncrypted: string;
  readonly confirmedAt: Date | null;
}

async function replaceCodes(
  trx: Transaction<DB>,
  userId: number,
  codeHashes: readonly string[],
): Promise<void> {
  await trx.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
  await trx
    .insertInto("user_recovery_codes")
    .values(codeHashes.map((h) => ({ user_id: userId, code_hash: h })))
    .execute();
}

/** TOTP secrets (encrypted by the service) and hashed recovery codes. */
export function createTwoFactorRepository(db: Kysely<DB>) {
  return {
    async findTotp(userId: number): Promise<TotpRow | undefined> {
      return db
        .selectFrom("user_totp")
        .select(["secret_encrypted as secretEncrypted", "confirmed_at as confirmedAt"])
        .where("user_id", "=", userId)
        .executeTakeFirst();
    },

    async isEnabled(userId: number): Promise<boolean> {
      const row = await db
        .selectFrom("user_totp")
        .select("user_id")
        .where("user_id", "=", userId)
        .where("confirmed_at", "is not", null)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Stores a new, unconfirmed secret; false when two-factor sign-in is already on. */
    async savePendingSecret(userId: number, secretEncrypted: string, now: Date): Promise<boolean> {
      const row = await db
        .insertInto("user_totp")
        .values({ user_id: userId, secret_encrypted: secretEncrypted, created_at: now })
        .onConflict((oc) =>
          oc
            .column("user_id")
            .doUpdateSet({ secret_encrypted: secretEncrypted, created_at: now })
            .where("user_totp.confirmed_at", "is", null),
        )
        .returning("user_id")
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Turns the pending secret on and replaces the recovery codes, in one transaction. */
    async confirm(input: {
      userId: number;
      step: number;
      now: Date;
      recoveryCodeHashes: readonly string[];
    }): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable("user_totp")
          .set({ confirmed_at: input.now, last_used_step: input.step })
          .where("user_id", "=", input.userId)
          .where("confirmed_at", "is", null)
          .returning("user_id")
          .executeTakeFirst();
        if (!updated) return false;
        await replaceCodes(trx, input.userId, input.recoveryCodeHashes);
        return true;
      });
    },

    /**
     * Replaces every recovery code (used or not) by new ones; false, changing nothing, when
     * two-step sign-in is not on. The TOTP row is locked, so a concurrent reset cannot interleave.
     */
    async replaceRecoveryCodes(userId: number, codeHashes: readonly string[]): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const enabled = await trx
          .selectFrom("user_totp")
          .select("user_id")
          .where("user_id", "=", userId)
          .where("confirmed_at", "is not", null)
          .forUpdate()
          .executeTakeFirst();
        if (!enabled) return false;
        await replaceCodes(trx, userId, codeHashes);
        return true;
      });
    },

    /**
     * Records that the code of `step` was used; false if that step or a later one was used already
     * (RFC 6238 §5.2: a code is accepted once). Atomic, so two processes cannot both accept it.
     */
    async useStep(userId: number, step: number): Promise<boolean> {
      const row = await db
        .updateTable("user_totp")
        .set({ last_used_step: step })
        .where("user_id", "=", userId)
        .where("confirmed_at", "is not", null)
        .where((eb) => eb.or([eb("last_used_step", "is", null), eb("last_used_step", "<", step)]))
        .returning("user_id")
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Marks an unused recovery code used; false if there is no such unused code. */
    async useRecoveryCode(userId: number, codeHash: string, now: Date): Promise<boolean> {
      const row = await db
        .updateTable("user_recovery_codes")
        .set({ used_at: now })
        .where("user_id", "=", userId)
        .where("code_hash", "=", codeHash)
        .where("used_at", "is", null)
        .returning("user_id")
        .executeTakeFirst();
      return row !== undefined;
    },

    async countUnusedRecoveryCodes(userId: number): Promise<number> {
      const row = await db
        .selectFrom("user_recovery_codes")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("user_id", "=", userId)
        .where("used_at", "is", null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async remove(userId: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
        await trx.deleteFrom("user_totp").where("user_id", "=", userId).execute();
      });
    },
  };
}

export type TwoFactorRepository = ReturnType<typeof createTwoFactorRepository>;
