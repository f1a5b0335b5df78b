// Outgoing email over SMTP with nodemailer, configured by SMTP_URL (lib/env.ts). Without it,
// nothing is sent and callers say so (the studio then shows the link to share by hand).
import { createTransport, type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type Email = { to: string; subject: string; text: string; html: string };
export type Mailer = { from: string; send: (email: Email) => Promise<void> };

/** A mailer for one SMTP URL. Connections are opened per message; invitations are rare. */
export function createMailer(options: { smtpUrl: string; from?: string; siteUrl?: string }): Mailer {
  const transport: Transporter = createTransport(options.smtpUrl);
  const host = new URL(options.siteUrl ?? options.smtpUrl).hostname || "localhost";
  const from = options.from ?? `Atelier <atelier@${host}>`;
  return {
    from,
    send: async (email) => {
      await transport.sendMail({ from, ...email });
    },
  };
}

let configured: { url: string; mailer: Mailer } | undefined;

/** The instance's mailer, or null when SMTP_URL is not set. */
export function getMailer(): Mailer | null {
  const config = env();
  if (!config.SMTP_URL) return null;
  if (configured?.url !== config.SMTP_URL) {
    configured = {
      url: config.SMTP_URL,
      mailer: createMailer({ smtpUrl: config.SMTP_URL, from: config.SMTP_FROM, siteUrl: config.ATELIER_URL }),
    };
  }
  return configured.mailer;
}
