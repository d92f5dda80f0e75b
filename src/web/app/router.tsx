import { Skeleton } from "@mantine/core";
import { createBrowserRouter } from "react-router";
import { ApiTokensPage } from "../features/api-tokens/api-tokens.page";
import { AuditPage } from "../features/audit/audit.page";
import { AccountPage } from "../features/auth/account.page";
import { IssuePage } from "../features/community-issues/issue.page";
import { IssuesPage } from "../features/community-issues/issues.page";
import { NewIssuePage } from "../features/community-issues/new-issue.page";
import { FeedbackEntryPage } from "../features/feedback/feedback-entry.page";
import { HomePage } from "../features/home/home.page";
import { OrgUnitsAdminPage } from "../features/org-units/org-units-admin.page";
import { OutreachSessionPage } from "../features/outreach/outreach-session.page";
import { OutreachSessionsPage } from "../features/outreach/outreach-sessions.page";
import { PersonPage } from "../features/persons/person.page";
import { PersonsPage } from "../features/persons/persons.page";
import { PersonnelImportPage } from "../features/personnel-import/personnel-import.page";
import { RegisterConfigPage } from "../features/register-config/register-config.page";
import { StakeholdersPage } from "../features/stakeholders/stakeholders.page";
import { TargetsPage } from "../features/targets/targets.page";
import { UsersAdminPage } from "../features/users/users-admin.page";
import { TransparencyPage } from "../features/transparency/transparency.page";
import { AuthGate } from "./auth-gate";
import { PublicLayout } from "./layout/public-layout";
import { NotFoundPage } from "./not-found.page";

export const router = createBrowserRouter([
  // Public, outside the sign-in gate: the community policing transparency page.
  {
    path: "transparency",
    element: (
      <PublicLayout>
        <TransparencyPage />
      </PublicLayout>
    ),
  },
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
      { path: "community/issues", element: <IssuesPage /> },
      { path: "community/issues/new", element: <NewIssuePage /> },
      { path: "community/issues/:id", element: <IssuePage /> },
      { path: "community/outreach", element: <OutreachSessionsPage /> },
      { path: "community/outreach/new", element: <OutreachSessionPage /> },
      { path: "community/outreach/:id", element: <OutreachSessionPage /> },
      { path: "community/stakeholders", element: <StakeholdersPage /> },
      {
        path: "community/indicators",
        lazy: async () => ({
          Component: (await import("../features/community-indicators/community-indicators.page"))
            .CommunityIndicatorsPage,
        }),
      },
      { path: "community/feedback/new", element: <FeedbackEntryPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
