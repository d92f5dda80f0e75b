import { Badge, Box, Button, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Rank, RankGroup } from "../../../../core/schemas/register-config";
import { ErrorAlert } from "../../../components/error-alert";
import { useRankAction, useRankScheme } from "../api/use-register-config";
import { RankGroupModal, RankModal } from "./rank-modals";
import { RankRow, type Direction } from "./rank-row";

/** The rank ids in seniority order with `rankId` swapped with its neighbour in its group. */
function moved(groups: readonly RankGroup[], rankId: number, direction: Direction): number[] {
  const ids = groups.flatMap((g) => g.ranks.map((r) => r.id));
  const i = ids.indexOf(rankId);
  const j = direction === "up" ? i - 1 : i + 1;
  [ids[i], ids[j]] = [ids[j] ?? rankId, rankId];
  return ids;
}

type Modal =
  { kind: "group"; group: RankGroup | null } | { kind: "rank"; rank: Rank | null; groupId: number };

/**
 * Rank groups as sections, each with its ranks from the most junior; ranks move within their group
 * with the arrow buttons (focus stays on the moved rank, so the keyboard can keep moving it).
 */
export function RankSchemeSection() {
  const { t } = useTranslation();
  const scheme = useRankScheme();
  const action = useRankAction();
  const [modal, setModal] = useState<Modal | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: number; direction: Direction } | null>(
    null,
  );
  const groups = scheme.data ?? [];

  useEffect(() => {
    if (!focusAfterMove) return;
    const same = buttons.current.get(`${focusAfterMove.id}:${focusAfterMove.direction}`);
    const other = buttons.current.get(
      `${focusAfterMove.id}:${focusAfterMove.direction === "up" ? "down" : "up"}`,
    );
    (same && !same.disabled ? same : other)?.focus();
  }, [scheme.data, focusAfterMove]);

  const move = (rank: Rank, direction: Direction) => {
    if (action.isPending) return;
    setFocusAfterMove({ id: rank.id, direction });
    action.mutate({ kind: "reorder", rankIds: moved(groups, rank.id, direction) });
  };
  const setButton = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="rank-scheme-title">
      <Group justify="space-between" gap="xs">
        <Box>
          <Title order={2} size="h3" id="rank-scheme-title">
            {t("web.registerConfig.ranks.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("web.registerConfig.ranks.hint")}
          </Text>
        </Box>
        <Button variant="default" onClick={() => setModal({ kind: "group", group: null })}>
          {t("web.registerConfig.ranks.newGroup")}
        </Button>
      </Group>
      {scheme.isError ? (
        <ErrorAlert error={scheme.error} onRetry={() => void scheme.refetch()} />
      ) : null}
      {action.isError && !modal ? <ErrorAlert error={action.error} /> : null}
      {scheme.isPending ? <Skeleton height={200} /> : null}
      {scheme.data && groups.length === 0 ? (
        <Text c="dimmed">{t("web.registerConfig.ranks.empty")}</Text>
      ) : null}
      {groups.map((group) => (
        <Paper
          key={group.id}
          withBorder
          p="sm"
          component="section"
          aria-labelledby={`rank-group-${group.id}`}
          data-testid={`rank-group-${group.code}`}
        >
          <Group justify="space-between" gap="xs" align="flex-start">
            <Group gap="xs" style={{ minWidth: 0 }}>
              <Title order={3} size="h4" id={`rank-group-${group.id}`}>
                {group.name}
              </Title>
              <Badge variant="light" color="gray" tt="none">
                {group.code}
              </Badge>
              {group.isTop ? (
                <Badge variant="light" tt="none">
                  {t("web.registerConfig.ranks.top")}
                </Badge>
              ) : null}
            </Group>
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                aria-label={t("web.registerConfig.ranks.editGroupFor", { group: group.name })}
                onClick={() => setModal({ kind: "group", group })}
              >
                {t("web.registerConfig.edit")}
              </Button>
              <Button
                size="xs"
                variant="light"
                aria-label={t("web.registerConfig.ranks.addRankTo", { group: group.name })}
                onClick={() => setModal({ kind: "rank", rank: null, groupId: group.id })}
              >
                {t("web.registerConfig.ranks.addRank")}
              </Button>
            </Group>
          </Group>
          {group.ranks.length === 0 ? (
            <Text size="sm" c="dimmed" mt="xs">
              {t("web.registerConfig.ranks.emptyGroup")}
            </Text>
          ) : (
            <Box component="ol" m={0} mt="xs" p={0} style={{ listStyle: "none" }}>
              {group.ranks.map((rank, index) => (
                <RankRow
                  key={rank.id}
                  rank={rank}
                  isFirst={index === 0}
                  isLast={index === group.ranks.length - 1}
                  buttonRef={(direction) => setButton(`${rank.id}:${direction}`)}
                  onMove={(direction) => move(rank, direction)}
                  onActive={(isActive) =>
                    action.mutate({ kind: "updateRank", id: rank.id, body: { isActive } })
                  }
                  onEdit={() => setModal({ kind: "rank", rank, groupId: group.id })}
                />
              ))}
            </Box>
          )}
        </Paper>
      ))}
      {modal?.kind === "group" ? (
        <RankGroupModal group={modal.group} onClose={() => setModal(null)} />
      ) : null}
      {modal?.kind === "rank" ? (
        <RankModal
          rank={modal.rank}
          groupId={modal.groupId}
          groups={groups}
          onClose={() => setModal(null)}
        />
      ) : null}
    </Stack>
  );
}
