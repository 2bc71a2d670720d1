/**
 * English texts for bounce explanations (ids and codes from ./bounce-data.ts).
 * Each entry says only what the provider's page or the RFC says, in plain words.
 */
import type { BounceTexts } from './bounce-data';

export const BOUNCE_TEXTS_EN: BounceTexts = {
  ids: {
    'gmail-dmarc-policy': {
      title: 'Gmail rejected the message because of the sender domain’s DMARC policy',
      cause: 'The message failed DMARC for the domain in its From address, and that domain’s DMARC policy asks receivers to reject such mail. Usually a service sending as your domain is not covered by SPF and does not sign with DKIM for your domain.',
      action: 'Make sure every service that sends as your domain passes SPF or DKIM with your domain (aligned), then resend.',
    },
    'gmail-spf-hardfail': {
      title: 'Gmail rejected the message: SPF failed with a -all record',
      cause: 'The server that sent the message is not listed in the SPF record of the envelope sender’s domain, and that record ends in -all.',
      action: 'Add the sending service to your one SPF record (an include: of your mail provider), then resend.',
    },
    'gmail-unauthenticated': {
      title: 'Gmail rejected the message as unauthenticated',
      cause: 'Neither SPF nor DKIM passed for the message. Gmail requires every sender to authenticate with at least one of them.',
      action: 'Check that your domain has exactly one SPF record including your mail provider, and that DKIM is published and switched on in the admin console.',
    },
    'gmail-spf': {
      title: 'Gmail: the message did not pass SPF',
      cause: 'Gmail reports that SPF did not pass for the sender’s domain (a 4.7.27 is temporary, a 5.7.27 a rejection).',
      action: 'Fix the SPF record: one record, including every service that sends as your domain.',
    },
    'gmail-dkim': {
      title: 'Gmail: the message did not pass DKIM',
      cause: 'Gmail reports that the message was not DKIM-signed or its signature did not verify.',
      action: 'Publish the DKIM key from your admin console at the selector it names, and switch DKIM signing on.',
    },
    'gmail-alignment': {
      title: 'Gmail: the From domain is not aligned with SPF or DKIM',
      cause: 'SPF or DKIM may pass, but for a different domain than the one in From, so DMARC does not pass.',
      action: 'Have the sending service sign with DKIM for your own domain (or use your domain as the envelope sender).',
    },
    'gmail-no-dmarc': {
      title: 'Gmail: the sender domain has no DMARC record',
      cause: 'Gmail requires bulk senders to publish a DMARC record; this domain has none, or none with a usable policy.',
      action: 'Publish a DMARC record at _dmarc.<your domain>; p=none is enough to start.',
    },
    'gmail-rate-limit': {
      title: 'Gmail is limiting the rate of mail from this sender',
      cause: 'Gmail throttles senders that do not meet its sender requirements or send at an unusual rate.',
      action: 'Slow down, make sure SPF, DKIM and DMARC pass, and let the sending server retry.',
    },
    'gmail-ip-rate': {
      title: 'Gmail has temporarily blocked mail from the sending IP',
      cause: 'Gmail saw an unusual rate of unsolicited mail from the sending IP address.',
      action: 'Stop bulk sending from this mailbox. If you use a shared provider, send the full bounce to its support.',
    },
    'gmail-recipient-rate': {
      title: 'The Gmail recipient is receiving mail too quickly',
      cause: 'The recipient’s mailbox is receiving more mail than Gmail allows right now. The problem is not your domain.',
      action: 'Nothing to fix: the sending server retries later.',
    },
    'gmail-no-such-user': {
      title: 'The Gmail address does not exist',
      cause: 'The recipient address is not a Gmail account (a typo, or the account was deleted).',
      action: 'Check the address with the recipient.',
    },
    'gmail-mailbox-full': {
      title: 'The Gmail recipient is out of storage',
      cause: 'The recipient’s Google storage is full.',
      action: 'Ask the recipient to free space, then resend.',
    },
    'gmail-policy': {
      title: 'Gmail refused the message (policy)',
      cause: 'A broad refusal: Gmail considered the message or its source unsafe or unsolicited. The text after the code says more.',
      action: 'Read the text that follows the code; check SPF, DKIM and DMARC, and the content.',
    },
    'microsoft-auth-level': {
      title: 'Outlook.com rejected the message: the sending domain does not meet the required authentication level',
      cause: 'For domains sending large volumes to Outlook.com, Hotmail and Live, Microsoft requires SPF to pass, DKIM to pass, and a DMARC record (p=none at least) aligned with SPF or DKIM.',
      action: 'Make SPF and DKIM pass for your domain and publish a DMARC record, then resend.',
    },
    'microsoft-banned-ip': {
      title: 'Microsoft refused the sending IP address',
      cause: 'The IP address of the sending server is on Microsoft’s block list.',
      action: 'The sending IP belongs to your mail provider: send them the full bounce.',
    },
    'microsoft-recipient-rejected': {
      title: 'Microsoft 365 rejected the recipient address',
      cause: 'The recipient’s organisation does not know this address (it is not in its directory), or the domain’s mail is not set up in Microsoft 365.',
      action: 'Check the address with the recipient; if it is right, their administrator needs to check it.',
    },
    'microsoft-not-authorized': {
      title: 'Microsoft refused the message (delivery not authorised)',
      cause: 'The recipient’s settings or organisation do not accept mail from you, or from outside senders.',
      action: 'Ask the recipient to check their restrictions, or reach them another way.',
    },
    'yahoo-deferred': {
      title: 'Yahoo is deferring mail from the sending server',
      cause: 'Yahoo saw unusual volume or user complaints for the sending IP address.',
      action: 'Reduce sending; the server retries. If it lasts, send the full bounce to your mail provider.',
    },
    'yahoo-policy': {
      title: 'Yahoo did not accept the message for policy reasons',
      cause: 'The message failed Yahoo’s authentication checks (SPF, DKIM, DMARC).',
      action: 'Make SPF and DKIM pass and align with the From domain.',
    },
    'qq-dmarc': {
      title: 'QQ Mail rejected the message: DMARC check failed',
      cause: 'The message failed the DMARC policy of the sender’s domain.',
      action: 'Make SPF or DKIM pass for the From domain (aligned).',
    },
    'qq-content': {
      title: 'QQ Mail refused the content',
      cause: 'QQ Mail judged the content as bulk or reported as spam by many users.',
      action: 'Change the content; do not send bulk mail from a mailbox.',
    },
    'qq-ip-frequency': {
      title: 'QQ Mail is limiting mail from the sending IP',
      cause: 'Mail from the sending server’s IP exceeded QQ Mail’s per-minute, per-hour or per-day limits (not published).',
      action: 'Wait and send less at once. On a shared provider, tell its support.',
    },
    'qq-sender-frequency': {
      title: 'QQ Mail is limiting mail from this sender or domain',
      cause: 'The sender address or domain exceeded QQ Mail’s sending-rate limits (not published).',
      action: 'Wait and send less at once.',
    },
    'qq-mailbox-not-found': {
      title: 'The QQ Mail address does not exist',
      cause: 'The recipient address is not a mailbox at QQ Mail.',
      action: 'Check the address with the recipient.',
    },
    'netease-spam': {
      title: 'NetEase (163/126) judged the message as spam',
      cause: 'The content or the sending behaviour looks like spam to NetEase (DT:SPM).',
      action: 'Change the content (no empty subject, no bulk text) and resend later.',
    },
    'netease-rbl': {
      title: 'NetEase refused the sending IP (block list)',
      cause: 'The sending server’s IP is listed on a block list NetEase uses.',
      action: 'The sending IP belongs to your mail provider: send them the full bounce.',
    },
    'netease-frequency': {
      title: 'NetEase is limiting the sending rate',
      cause: 'The sending IP or sender exceeded NetEase’s connection or message-rate limits.',
      action: 'Wait and send less at once.',
    },
    'alibaba-local-spam': {
      title: 'Alibaba Mail stopped the message as spam',
      cause: 'Alibaba Mail’s own anti-spam system judged the message as spam (words in the subject or body).',
      action: 'Edit the content. If it is not marketing mail, forward the bounce as an attachment to Alibaba’s anti-spam team as its help page describes.',
    },
    'alibaba-behaviour-spam': {
      title: 'Alibaba Mail limited the sending rate',
      cause:
        'The account sent more, or faster, than Alibaba Mail allows per minute, hour or day (the limits are not published); Alibaba Mail also limits sending from accounts whose password is too simple.',
      action: 'Wait, then send less at once. If the account’s password is simple, change it to a strong one.',
    },
    'alibaba-rcpt-limit': {
      title: 'Alibaba Mail: too many recipients',
      cause: 'The number of recipients or attempts reached Alibaba Mail’s limit.',
      action: 'Send to fewer recipients; try again the next day.',
    },
    'alibaba-size-limit': {
      title: 'Alibaba Mail: the message is too large',
      cause: 'The body, an attachment or the number of attachments exceeded Alibaba Mail’s limit.',
      action: 'Make the message smaller or share the file as a link.',
    },
    'alibaba-not-local': {
      title: 'Alibaba Mail does not know this recipient',
      cause: 'The address looks like an Alibaba Mail address but there is no such account: a typo, or the recipient has moved to another provider.',
      action: 'Check the address with the recipient.',
    },
  },
  classes: {
    '2': 'Success: the message was delivered or relayed.',
    '4': 'Temporary failure: the sending server keeps retrying; only a bounce after days of retries needs action.',
    '5': 'Permanent failure: resending the same message will not help until the cause is fixed.',
  },
  subjects: {
    '0': 'Other or undefined status.',
    '1': 'Addressing: a problem with the recipient or sender address.',
    '2': 'Mailbox: the recipient’s mailbox is full, disabled or not accepting mail.',
    '3': 'Mail system: the receiving system’s capacity or size limits.',
    '4': 'Network and routing: DNS, connection or time-out problems.',
    '5': 'Mail delivery protocol: a problem with the SMTP commands.',
    '6': 'Message content or format.',
    '7': 'Security or policy: authentication, anti-spam or refusal rules.',
  },
  details: {
    '0.0': 'No more detail given: read the text after the code.',
    '1.1': 'The recipient’s mailbox does not exist.',
    '1.2': 'The recipient’s domain does not exist or cannot receive mail.',
    '1.3': 'The recipient address is not valid.',
    '1.10': 'The recipient’s domain says it accepts no mail (null MX, RFC 7505).',
    '2.1': 'The recipient’s mailbox is disabled.',
    '2.2': 'The recipient’s mailbox is full.',
    '2.3': 'The message is larger than the recipient accepts.',
    '3.4': 'The message is too big for the receiving system.',
    '4.1': 'The receiving server did not answer.',
    '4.2': 'The connection was dropped.',
    '4.3': 'A DNS lookup failed (often temporary).',
    '4.4': 'No route to the recipient’s domain (no usable MX or address).',
    '4.7': 'The message expired in the queue after repeated failures; look for the first error in the bounce.',
    '5.3': 'Too many recipients in one message.',
    '7.0': 'A security reason; often the sending client must sign in first.',
    '7.1': 'Delivery not authorised: the receiver’s policy refused the message. The text after the code says why.',
    '7.8': 'Authentication failed: wrong user name or password when sending.',
    '7.20': 'No passing DKIM signature was found.',
    '7.21': 'No acceptable DKIM signature was found.',
    '7.22': 'No valid DKIM signature matching the author’s domain.',
    '7.23': 'SPF validation failed.',
    '7.24': 'SPF validation error (e.g. two SPF records or too many lookups).',
    '7.25': 'Reverse DNS of the sending IP failed validation.',
    '7.26': 'Multiple authentication checks failed.',
    '7.27': 'The sender’s domain says it sends no mail (null MX, RFC 7505).',
  },
  fixes: {
    dmarc: 'Make SPF or DKIM pass with your own domain (aligned with From), then check the DMARC record.',
    spf: 'Fix the SPF record: exactly one, including every service that sends as your domain.',
    dkim: 'Publish the DKIM key and switch DKIM signing on in the admin console.',
    'spf-dkim': 'Check SPF and DKIM for your domain; both should pass.',
    'slow-down': 'Send less at once and let the sending server retry.',
    content: 'Change the content; use a bulk-mail service for mass mailings.',
    reputation: 'The sending source has a poor reputation with the receiver.',
    recipient: 'The problem is on the recipient’s side: check the address or ask them.',
    size: 'Make the message smaller.',
    'split-recipients': 'Too many recipients: split the recipients over several messages.',
    wait: 'Nothing to fix: the sending server retries.',
    'provider-support': 'Send the full bounce to your mail provider’s support: the sending server is theirs.',
    'read-text': 'Read the text after the code: the receiver explains its reason there.',
  },
  noCode: 'The bounce gives no status code; read its text, or ask your mail provider’s support with the full bounce.',
};
