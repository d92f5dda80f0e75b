import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useState, type FormEvent, type ReactNode } from "react";
import { ErrorAlert } from "../../../components/error-alert";

interface CodeFormProps {
  readonly label: string;
  readonly submitLabel: string;
  readonly isPending: boolean;
  readonly error: unknown;
  readonly onSubmit: (code: string) => void;
  /** Further actions beside the submit button (cancel, sign out). */
  readonly secondary?: ReactNode;
}

/** One code (authenticator or recovery code): spaces are the user's, not part of the code. */
export function CodeForm({
  label,
  submitLabel,
  isPending,
  error,
  onSubmit,
  secondary,
}: CodeFormProps) {
  const [code, setCode] = useState("");
  const trimmed = code.replace(/\s/g, "");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(trimmed);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error ? <ErrorAlert error={error} /> : null}
        <TextInput
          label={label}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Button type="submit" loading={isPending} disabled={trimmed.length < 6}>
          {submitLabel}
        </Button>
        {secondary ? <Group justify="center">{secondary}</Group> : null}
      </Stack>
    </form>
  );
}
