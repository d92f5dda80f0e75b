import { Code, Group, Image, Skeleton, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useQrCode } from "../api/use-qr-code.query";

interface AuthenticatorKeyProps {
  readonly secret: string;
  readonly uri: string;
}

/** The new shared secret: a QR code to scan and the same key in groups of four to type. */
export function AuthenticatorKey({ secret, uri }: AuthenticatorKeyProps) {
  const { t } = useTranslation();
  const qrCode = useQrCode(uri);
  return (
    <Stack gap="sm">
      <Text size="sm">{t("web.auth.enrol.scan")}</Text>
      <Group justify="center">
        {qrCode.data ? (
          <Image src={qrCode.data} alt={t("web.auth.enrol.qrAlt")} w={200} h={200} />
        ) : (
          <Skeleton width={200} height={200} />
        )}
      </Group>
      <Text size="sm" fw={600}>
        {t("web.auth.enrol.secret")}
      </Text>
      <Code block data-testid="totp-secret" fz="md" style={{ whiteSpace: "pre-wrap" }}>
        {secret.match(/.{1,4}/g)?.join(" ") ?? secret}
      </Code>
    </Stack>
  );
}
