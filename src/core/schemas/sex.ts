import { z } from "zod";

export const sexes = ["F", "M", "X", "U"] as const;
export const sex = z.enum(sexes);
export type Sex = z.infer<typeof sex>;
