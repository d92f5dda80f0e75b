import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { orgUnitList } from "../../../../core/schemas/org-units";
import {
  adminUser,
  adminUserList,
  createdUser,
  type CreateUserInput,
} from "../../../../core/schemas/users";
import { apiRequest } from "../../../lib/api-client";

const usersKey = ["users", "admin"] as const;

export function useAdminUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/users", { schema: adminUserList, signal })).users,
  });
}

/** The units the administrator may assign roles at (the same cache as the unit picker). */
export function useAssignableUnits() {
  return useQuery({
    queryKey: ["org-units"],
    queryFn: async ({ signal }) =>
      (await apiRequest("GET", "/api/org-units", { schema: orgUnitList, signal })).units,
    staleTime: 5 * 60_000,
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserInput) =>
      apiRequest("POST", "/api/users", { body, schema: createdUser }),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

export type UserAction =
  | { kind: "disable" | "enable" | "resetTwoFactor"; id: number }
  | { kind: "addRole"; id: number; role: string; orgUnitId: number }
  | { kind: "removeRole"; id: number; assignmentId: number };

export function useUserAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: UserAction) => {
      const base = `/api/users/${action.id}`;
      switch (action.kind) {
        case "disable":
        case "enable":
          return apiRequest("POST", `${base}/${action.kind}`, { schema: adminUser });
        case "resetTwoFactor":
          return apiRequest("POST", `${base}/reset-two-factor`, { schema: adminUser });
        case "addRole":
          return apiRequest("POST", `${base}/roles`, {
            body: { role: action.role, orgUnitId: action.orgUnitId },
            schema: adminUser,
          });
        case "removeRole":
          return apiRequest("DELETE", `${base}/roles/${action.assignmentId}`, {
            schema: adminUser,
          });
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}
