// What sign-up emails, when the instance can (SMTP_URL): a new account gets a link to confirm its
// address; an address that already had an account gets a note instead, so the one who owns the
// address learns of the attempt and nobody else learns anything (both sign-ups answer the same).
import type { Email } from "@/lib/mail/mailer";

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

function email(to: string, subject: string, lines: string[], link: { label: string; href: string }): Email {
  const text = [...lines.slice(0, 1), "", `${link.label}: ${link.href}`, "", ...lines.slice(1)].join("\n");
  const html = [
    `<p>${escapeHtml(lines[0])}</p>`,
    `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`,
    ...lines.slice(1).map((line) => `<p>${escapeHtml(line)}</p>`),
  ].join("\n");
  return { to, subject, text, html };
}

export function confirmEmailMessage(options: { to: string; link: string }): Email {
  return email(
    options.to,
    "Confirm your email address for Atelier",
    [
      "Your Atelier account was created with this email address.",
      "Confirming it lets you later sign in to the same account with GitHub, Google or single sign-on. The link works for 24 hours.",
      "If you did not create an account, you can ignore this email.",
    ],
    { label: "Confirm your email address", href: options.link },
  );
}

export function alreadyRegisteredMessage(options: { to: string; signInLink: string }): Email {
  return email(
    options.to,
    "Someone tried to create an Atelier account with your email address",
    [
      "Someone tried to create a new Atelier account with this email address, which already has one. Nothing was changed.",
      "If it was you, sign in with your password instead. If not, you can ignore this email.",
    ],
    { label: "Sign in to Atelier", href: options.signInLink },
  );
}
