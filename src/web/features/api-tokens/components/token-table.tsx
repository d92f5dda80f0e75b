import { Badge, Button, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiToken } from "../../../../core/schemas/api-tokens";
import { useFormatters } from "../../../lib/use-formatters";

interface TokenTableProps {
  readonly tokens: readonly ApiToken[];
  readonly unitLabel: (id: number) => string;
  readonly now: Date;
  readonly onRevoke: (token: ApiToken) => void;
}

type Status = "active" | "expired" | "revoked";

const statusOf = (token: ApiToken, now: Date): Status =>
  token.revokedAt ? "revoked" : Date.parse(token.expiresAt) <= now.getTime() ? "expired" : "active";

const statusColor: Record<Status, string> = { active: "green", expired: "gray", revoked: "red" };

/** Every token of the admin's units; the secret itself is never listed. */
export function TokenTable({ tokens, unitLabel, now, onRevoke }: TokenTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const day = (iso: string) => format.date(iso.slice(0, 10));
  // A token is valid through the day before its expiry instant (midnight UTC).
  const lastDay = (iso: string) => day(new Date(Date.parse(iso) - 1).toISOString());
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("web.apiTokens.field.name")}</Table.Th>
            <Table.Th>{t("web.apiTokens.field.role")}</Table.Th>
            <Table.Th>{t("web.apiTokens.field.unit")}</Table.Th>
            <Table.Th>{t("web.apiTokens.field.expiresOn")}</Table.Th>
            <Table.Th>{t("web.apiTokens.field.lastUsed")}</Table.Th>
            <Table.Th>{t("web.apiTokens.field.createdBy")}</Table.Th>
            <Table.Th>{t("web.apiTokens.field.status")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => {
            const status = statusOf(token, now);
            return (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>{token.role}</Table.Td>
                <Table.Td>{unitLabel(token.orgUnitId)}</Table.Td>
                <Table.Td>{lastDay(token.expiresAt)}</Table.Td>
                <Table.Td>
                  {token.lastUsedAt ? day(token.lastUsedAt) : t("web.apiTokens.never")}
                </Table.Td>
                <Table.Td>{token.createdBy}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <Badge color={statusColor[status]} style={{ overflow: "visible" }}>
                    {t(`web.apiTokens.status.${status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {status === "active" ? (
                    <Button size="xs" color="red" variant="subtle" onClick={() => onRevoke(token)}>
                      {t("web.apiTokens.revoke")}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
