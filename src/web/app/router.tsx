import { Skeleton } from "@mantine/core";
import { createBrowserRouter } from "react-router";
import { ApiTokensPage } from "../features/api-tokens/api-tokens.page";
import { AuditPage } from "../features/audit/audit.page";
import { AccountPage } from "../features/auth/account.page";
import { HomePage } from "../features/home/home.page";
import { OrgUnitsAdminPage } from "../features/org-units/org-units-admin.page";
import { PersonPage } from "../features/persons/person.page";
import { PersonsPage } from "../features/persons/persons.page";
import { PersonnelImportPage } from "../features/personnel-import/personnel-import.page";
import { RegisterConfigPage } from "../features/register-config/register-config.page";
import { TargetsPage } from "../features/targets/targets.page";
import { UsersAdminPage } from "../features/users/users-admin.page";
import { AuthGate } from "./auth-gate";
import { NotFoundPage } from "./not-found.page";

export const router = createBrowserRouter([
  {
    element: <AuthGate />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: "dashboard",
        // The charts (recharts) load only when the dashboard is opened; the layout shows meanwhile.
        hydrateFallbackElement: <Skeleton height={240} radius="md" aria-hidden />,
        lazy: async () => ({
          Component: (await import("../features/dashboard/dashboard.page")).DashboardPage,
        }),
      },
      { path: "audit", element: <AuditPage /> },
      { path: "people", element: <PersonsPage /> },
      { path: "people/:id", element: <PersonPage /> },
      { path: "admin/org-units", element: <OrgUnitsAdminPage /> },
      { path: "admin/users", element: <UsersAdminPage /> },
      { path: "account", element: <AccountPage /> },
      { path: "admin/api-tokens", element: <ApiTokensPage /> },
      { path: "admin/register", element: <RegisterConfigPage /> },
      { path: "admin/targets", element: <TargetsPage /> },
      { path: "import/personnel", element: <PersonnelImportPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
