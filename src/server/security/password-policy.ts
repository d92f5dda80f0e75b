import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../core/schemas/auth";
import { AppError } from "../../core/errors";

let commonPasswords: Promise<ReadonlySet<string>> | undefined;

/**
 * The ~49,000 most common passwords of zxcvbn-ts's bundled list, lower-cased. Only those long enough
 * to pass the length rule can matter; loaded on first use (about 50 ms), then kept.
 */
function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswords ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) =>
      new Set(
        dictionary["passwords-common"]
          .filter((p) => p.length >= MIN_PASSWORD_LENGTH)
          .map((p) => p.toLowerCase()),
      ),
  );
  return commonPasswords;
}

/**
 * The one password policy (user creation, reset, change, first admin): at least 12 characters and
 * not on the list of common passwords, compared case-insensitively. Throws the matching AppError.
 */
export async function checkPasswordPolicy(password: string): Promise<void> {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AppError("user.password_too_short", { minLength: MIN_PASSWORD_LENGTH });
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new AppError("request.invalid", { field: "password", maxLength: MAX_PASSWORD_LENGTH });
  }
  if ((await loadCommonPasswords()).has(password.toLowerCase())) {
    throw new AppError("user.password_common");
  }
}
