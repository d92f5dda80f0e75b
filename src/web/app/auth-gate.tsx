import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/error-alert";
import { useMe } from "../features/auth/api/use-me.query";
import { EnrolmentPage } from "../features/auth/enrolment.page";
import { SignInPage } from "../features/auth/sign-in.page";
import { AppLayout } from "./layout/app-layout";
import { PublicLayout } from "./layout/public-layout";

/** The signed-in app, two-factor enrolment, or the sign-in page in place (the URL is kept). */
export function AuthGate() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) {
    return (
      <Center h="100dvh">
        <Loader aria-label={t("web.common.loading")} />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <PublicLayout>
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </PublicLayout>
    );
  }
  if (me.data === null) {
    return (
      <PublicLayout>
        <SignInPage />
      </PublicLayout>
    );
  }
  if (me.data.isEnrolmentRequired) {
    return (
      <PublicLayout>
        <EnrolmentPage />
      </PublicLayout>
    );
  }
  return <AppLayout user={me.data.user} />;
}
