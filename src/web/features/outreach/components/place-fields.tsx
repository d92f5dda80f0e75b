import { Button, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { communityTextLimits } from "../../../../core/community/text-limits";

interface PlaceFieldsProps {
  readonly place: string;
  readonly latitude: string;
  readonly longitude: string;
  readonly onChange: (values: { place?: string; latitude?: string; longitude?: string }) => void;
  readonly errorOf: (field: string) => string | undefined;
  readonly isDisabled: boolean;
}

type LocateState =
  | { readonly kind: "idle" }
  | { readonly kind: "locating" }
  | {
      readonly kind: "failed";
      readonly reason: "unsupported" | "denied" | "unavailable" | "timeout";
    };

const reasonOf = (error: GeolocationPositionError) =>
  error.code === error.PERMISSION_DENIED
    ? "denied"
    : error.code === error.TIMEOUT
      ? "timeout"
      : "unavailable";

interface PolicyView {
  readonly allowsFeature: (feature: string) => boolean;
}

/**
 * Whether the page's Permissions-Policy lets it ask for the location (Chromium tells; other
 * browsers say nothing, and their refusal comes back as an error). Asking while the policy forbids
 * it only logs an error in the console, so the form says so without asking.
 */
function isLocationAllowedByPolicy(): boolean {
  const page = document as Document & {
    permissionsPolicy?: PolicyView;
    featurePolicy?: PolicyView;
  };
  const policy = page.permissionsPolicy ?? page.featurePolicy;
  return policy?.allowsFeature("geolocation") ?? true;
}

/** Six decimals (about 10 cm) are more than a phone's fix can tell. */
const toCoordinateText = (value: number) => String(Math.round(value * 1e6) / 1e6);

/**
 * Village or commune, and optional coordinates: typed, or read from the device. Without location
 * (no GPS, permission refused, blocked by the site's policy) the officer is told and types them.
 */
export function PlaceFields({
  place,
  latitude,
  longitude,
  onChange,
  errorOf,
  isDisabled,
}: PlaceFieldsProps) {
  const { t } = useTranslation();
  const [locate, setLocate] = useState<LocateState>({ kind: "idle" });

  const readLocation = () => {
    if (!("geolocation" in navigator)) {
      setLocate({ kind: "failed", reason: "unsupported" });
      return;
    }
    if (!isLocationAllowedByPolicy()) {
      setLocate({ kind: "failed", reason: "denied" });
      return;
    }
    setLocate({ kind: "locating" });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocate({ kind: "idle" });
        onChange({
          latitude: toCoordinateText(position.coords.latitude),
          longitude: toCoordinateText(position.coords.longitude),
        });
      },
      (error) => setLocate({ kind: "failed", reason: reasonOf(error) }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  return (
    <Stack gap="sm">
      <TextInput
        label={t("web.outreach.field.place")}
        description={t("web.outreach.field.placeHint")}
        value={place}
        onChange={(event) => onChange({ place: event.currentTarget.value })}
        error={errorOf("place")}
        maxLength={communityTextLimits.place}
        required
        size="md"
        disabled={isDisabled}
      />
      <SimpleGrid cols={2} spacing="xs">
        <TextInput
          label={t("web.outreach.field.latitude")}
          value={latitude}
          onChange={(event) => onChange({ latitude: event.currentTarget.value })}
          error={errorOf("latitude")}
          inputMode="decimal"
          autoComplete="off"
          size="md"
          disabled={isDisabled}
        />
        <TextInput
          label={t("web.outreach.field.longitude")}
          value={longitude}
          onChange={(event) => onChange({ longitude: event.currentTarget.value })}
          error={errorOf("longitude")}
          inputMode="decimal"
          autoComplete="off"
          size="md"
          disabled={isDisabled}
        />
      </SimpleGrid>
      <Group gap="sm">
        <Button
          variant="light"
          onClick={readLocation}
          loading={locate.kind === "locating"}
          disabled={isDisabled}
        >
          {t("web.outreach.location.use")}
        </Button>
        {latitude !== "" || longitude !== "" ? (
          <Button
            variant="subtle"
            onClick={() => onChange({ latitude: "", longitude: "" })}
            disabled={isDisabled}
          >
            {t("web.outreach.location.clear")}
          </Button>
        ) : null}
      </Group>
      {locate.kind === "failed" ? (
        <Text size="sm" c="orange.9" role="status">
          {t(`web.outreach.location.${locate.reason}`)}
        </Text>
      ) : null}
    </Stack>
  );
}
