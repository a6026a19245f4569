/**
 * Email through SMTP (nodemailer), for notifications that carry nothing (issue 12, item 6). Configured by
 * MIRROR_SMTP_URL (for example smtp://user:password@mail.trust.nhs.uk:587; smtps:// for TLS from the start) and
 * MIRROR_MAIL_FROM (the sender, for example "Mirror <mirror@trust.nhs.uk>"). Without MIRROR_SMTP_URL no email is sent.
 * Messages are plain text. Nothing is logged of what is sent or to whom.
 */
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface MailSettings {
  readonly url: string;
  readonly from: string;
}

export function mailSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): MailSettings | null {
  const url = env['MIRROR_SMTP_URL']?.trim();
  if (!url) return null;
  if (!/^smtps?:\/\//.test(url)) throw new Error('MIRROR_SMTP_URL must start with smtp:// or smtps://.');
  return { url, from: env['MIRROR_MAIL_FROM']?.trim() || 'Mirror <mirror@localhost>' };
}

export function createMailer(settings: MailSettings): Mailer {
  const transport = nodemailer.createTransport(settings.url);
  return {
    async send(mail) {
      await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}
