import type { SecretBox } from "./secret-box";

/**
 * Contact details of a resident, sealed with AES-256-GCM (decision 0012). The reference
 * code is bound as additional data, so a sealed value copied to another issue does not open.
 */
const contextOf = (reference: string) => `community_issue.contact:${reference}`;

export interface ContactSealer {
  seal(reference: string, contact: string): string;
  open(reference: string, sealed: string): string;
}

export function createContactSealer(box: SecretBox): ContactSealer {
  return {
    seal: (reference, contact) => box.seal(contact, contextOf(reference)),
    open: (reference, sealed) => box.open(sealed, contextOf(reference)),
  };
}
