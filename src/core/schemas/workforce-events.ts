import { z } from "zod";

export const careerEventTypes = [
  "hire",
  "promotion",
  "demotion",
  "transfer",
  "role_change",
  "leave_start",
  "leave_end",
  "exit",
] as const;
export const careerEventType = z.enum(careerEventTypes);
export type CareerEventType = z.infer<typeof careerEventType>;

export const leaveReasons = [
  "maternity",
  "paternity",
  "study",
  "secondment",
  "un_mission",
  "other",
] as const;
export type LeaveReason = (typeof leaveReasons)[number];
export const exitReasons = ["retirement", "resignation", "dismissal", "death", "other"] as const;
export type ExitReason = (typeof exitReasons)[number];
