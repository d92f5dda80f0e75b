import { createBrowserRouter } from "react-router";
import { HomePage } from "../features/home/home.page";
import { AuthGate } from "./auth-gate";
import { NotFoundPage } from "./not-found.page";

export const router = createBrowserRouter([
  {
    element: <AuthGate />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
