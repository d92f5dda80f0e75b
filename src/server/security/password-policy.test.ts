import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors";
import { checkPasswordPolicy } from "./password-policy";

async function codeOf(password: string): Promise<string | null> {
  try {
    await checkPasswordPolicy(password);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("password policy", () => {
  it.each([
    ["correct-horse-battery", null],
    ["a quiet river at dawn", null],
    ["exactly12chr", null],
    ["short", "user.password_too_short"],
    ["elevenchars", "user.password_too_short"],
    ["qwerty123456", "user.password_common"],
    ["QWERTY123456", "user.password_common"],
    ["Password1234", "user.password_common"],
    ["1q2w3e4r5t6y", "user.password_common"],
  ])("judges %j as %s", async (password, expected) => {
    expect(await codeOf(password)).toBe(expected);
  });

  it("counts characters, not UTF-16 units, and names the minimum", async () => {
    const error = await checkPasswordPolicy("ខ្មែរ").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toEqual({ minLength: 12 });
    expect(await codeOf("ពាក្យសម្ងាត់វែងល្មម")).toBeNull();
  });

  it("refuses an absurdly long password before hashing it", async () => {
    expect(await codeOf("x".repeat(1025))).toBe("request.invalid");
  });
});
