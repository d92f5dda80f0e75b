import { Button, FileButton, Paper, Stack, Text } from "@mantine/core";
import { useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";

const accepted =
  ".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface FileDropZoneProps {
  readonly onFile: (file: File) => void;
  readonly isBusy: boolean;
}

/** Drop a file here or pick one with the button (which the keyboard reaches). */
export function FileDropZone({ onFile, isBusy }: FileDropZoneProps) {
  const { t } = useTranslation();
  const [isOver, setOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !isBusy) onFile(file);
  };
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "md", sm: "xl" }}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="personnel-drop-zone"
      style={{
        borderStyle: "dashed",
        borderWidth: 2,
        borderColor: isOver ? "var(--mantine-color-indigo-6)" : undefined,
        background: isOver ? "var(--mantine-color-indigo-0)" : undefined,
      }}
    >
      <Stack align="center" gap="xs" ta="center">
        <Text fw={600}>{t("web.personnelImport.file.drop")}</Text>
        <Text size="sm" c="dimmed">
          {t("web.personnelImport.file.types")}
        </Text>
        <FileButton onChange={(file) => file && onFile(file)} accept={accepted} disabled={isBusy}>
          {(props) => (
            <Button {...props} loading={isBusy}>
              {t("web.personnelImport.file.choose")}
            </Button>
          )}
        </FileButton>
      </Stack>
    </Paper>
  );
}
