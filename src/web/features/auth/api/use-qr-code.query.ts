import { useQuery } from "@tanstack/react-query";

/** The QR code of an `otpauth://` URI as an SVG data URL (drawn in the browser; never sent anywhere). */
export function useQrCode(uri: string) {
  return useQuery({
    queryKey: ["qr-code", uri],
    queryFn: async () => {
      const qrcode = await import("qrcode");
      const svg = await qrcode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
      return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    },
    staleTime: Infinity,
    gcTime: 0,
  });
}
