import { Avatar, Menu, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SessionUser } from "../../../core/schemas/auth";

interface UserMenuProps {
  readonly user: SessionUser;
  readonly onSignOut: () => void;
}

const initialsOf = (name: string) =>
  name
    .split(/\s+/u)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");

/** Who is signed in, and the way out. */
export function UserMenu({ user, onSignOut }: UserMenuProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t("web.userMenu.button", { name: user.displayName })}>
          <Avatar color="indigo" radius="xl" size={36}>
            {initialsOf(user.displayName || user.username)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("web.userMenu.signedInAs")}</Menu.Label>
        <Text px="sm" pb="xs" size="sm" fw={600}>
          {user.displayName}
          <Text span c="dimmed" size="xs" display="block">
            {user.username}
          </Text>
        </Text>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account">
          {t("web.userMenu.account")}
        </Menu.Item>
        <Menu.Item color="red" onClick={onSignOut}>
          {t("web.userMenu.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
