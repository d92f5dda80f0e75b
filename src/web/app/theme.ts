import { createTheme } from "@mantine/core";

/** Fonts are bundled (see main.tsx); Khmer and Thai fall back to their Noto families. */
const fontStack = '"Noto Sans", "Noto Sans Khmer", "Noto Sans Thai", sans-serif';

export const theme = createTheme({
  fontFamily: fontStack,
  headings: { fontFamily: fontStack },
  primaryColor: "indigo",
  defaultRadius: "md",
});
