import { Button, PasswordInput, Stack } from "@mantine/core";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";

interface PasswordConfirmFormProps {
  /** The field's name (distinct per form on a page, for password managers and tests). */
  readonly name: string;
  readonly submitLabel: string;
  readonly isPending: boolean;
  readonly error: unknown;
  /** Destructive actions (turning two-step sign-in off) get a red button. */
  readonly isDanger?: boolean;
  /** `clear` empties the field; call it once the action succeeded. */
  readonly onSubmit: (password: string, clear: () => void) => void;
  /** What the action does, above the field. */
  readonly children?: ReactNode;
}

/** An account action that the user confirms with their current password. */
export function PasswordConfirmForm(props: PasswordConfirmFormProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    props.onSubmit(password, () => setPassword(""));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {props.children}
        {props.error ? <ErrorAlert error={props.error} /> : null}
        <PasswordInput
          label={t("web.account.twoFactor.password")}
          name={props.name}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <Button
          type="submit"
          variant={props.isDanger ? "outline" : "default"}
          color={props.isDanger ? "red" : undefined}
          loading={props.isPending}
          disabled={password === ""}
        >
          {props.submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
