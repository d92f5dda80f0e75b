import { AppShell, Box, Burger, Group, NavLink, Stack, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { canPerform } from "../../../core/access/permissions";
import type { SessionUser } from "../../../core/schemas/auth";
import { ErrorAlert } from "../../components/error-alert";
import { useSignOut } from "../../features/auth/api/use-sign-out.mutation";
import { OrgUnitPicker } from "../../features/org-units/org-unit-picker";
import { LanguageSwitcher } from "./language-switcher";
import { UserMenu } from "./user-menu";

/** Header (name, unit, language, user) and navigation; a drawer below the `sm` breakpoint. */
export function AppLayout({ user }: { readonly user: SessionUser }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [isNavOpen, nav] = useDisclosure(false);
  const signOut = useSignOut();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: "sm", collapsed: { mobile: !isNavOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t(isNavOpen ? "web.nav.close" : "web.nav.open")}
            />
            <Title order={2} size="h3" c="indigo.8">
              Tandem
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flex: 1, justifyContent: "flex-end" }}>
            <Box visibleFrom="sm" style={{ flex: 1, maxWidth: 360 }}>
              <OrgUnitPicker />
            </Box>
            <Box visibleFrom="sm">
              <LanguageSwitcher />
            </Box>
            <UserMenu user={user} onSignOut={() => signOut.mutate()} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="md" aria-label={t("web.nav.label")}>
        <Stack gap="md">
          <Stack gap="sm" hiddenFrom="sm">
            <OrgUnitPicker isLabelVisible onPicked={nav.close} />
            <LanguageSwitcher isFullWidth />
          </Stack>
          <NavLink
            component={Link}
            to={{ pathname: "/", search: location.search }}
            label={t("web.nav.home")}
            active={location.pathname === "/"}
            onClick={nav.close}
          />
          <NavLink
            component={Link}
            to={{ pathname: "/dashboard", search: location.search }}
            label={t("web.nav.dashboard")}
            active={location.pathname === "/dashboard"}
            onClick={nav.close}
          />
          {canPerform(
            user.roles.map((r) => r.role),
            "personnel.read",
          ) ? (
            <NavLink
              component={Link}
              to={{ pathname: "/people", search: location.search }}
              label={t("web.nav.people")}
              active={location.pathname === "/people" || location.pathname.startsWith("/people/")}
              onClick={nav.close}
            />
          ) : null}
          {canPerform(
            user.roles.map((r) => r.role),
            "audit.read",
          ) ? (
            <NavLink
              component={Link}
              to={{ pathname: "/audit", search: location.search }}
              label={t("web.nav.audit")}
              active={location.pathname === "/audit"}
              onClick={nav.close}
            />
          ) : null}
          {canPerform(
            user.roles.map((r) => r.role),
            "community.read",
          )
            ? (
                [
                  ["/community/issues", "web.nav.communityIssues"],
                  ["/community/outreach", "web.nav.outreach"],
                  ["/community/stakeholders", "web.nav.stakeholders"],
                  ["/community/indicators", "web.nav.communityIndicators"],
                  ["/community/feedback/new", "web.nav.feedbackEntry"],
                ] as const
              ).map(([pathname, label]) => (
                <NavLink
                  key={pathname}
                  component={Link}
                  to={{ pathname, search: location.search }}
                  label={t(label)}
                  active={
                    location.pathname === pathname || location.pathname.startsWith(`${pathname}/`)
                  }
                  onClick={nav.close}
                />
              ))
            : null}
          {(
            [
              ["org_units.write", "/admin/org-units", "web.nav.orgUnits"],
              ["users.read", "/admin/users", "web.nav.users"],
              ["api_tokens.manage", "/admin/api-tokens", "web.nav.apiTokens"],
              ["register.configure", "/admin/register", "web.registerConfig.title"],
              ["targets.write", "/admin/targets", "web.nav.targets"],
              ["personnel.write", "/import/personnel", "web.nav.personnelImport"],
            ] as const
          ).map(([action, pathname, label]) =>
            canPerform(
              user.roles.map((r) => r.role),
              action,
            ) ? (
              <NavLink
                key={pathname}
                component={Link}
                to={{ pathname, search: location.search }}
                label={t(label)}
                active={location.pathname === pathname}
                onClick={nav.close}
              />
            ) : null,
          )}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main>
        <Stack gap="md">
          {signOut.isError ? <ErrorAlert error={signOut.error} /> : null}
          <Outlet />
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
