// Twilio's Message resource as the REST API returns it (snake_case, string counters, RFC 2822 dates).

export function rfc2822(date: Date): string {
  return date.toUTCString().replace("GMT", "+0000");
}

export function messageResource(input: {
  sid: string;
  accountSid: string;
  from: string;
  to: string;
  body: string;
  numMedia: number;
  status: string;
  direction?: string;
}): Record<string, unknown> {
  const now = rfc2822(new Date());
  const uri = `/2010-04-01/Accounts/${input.accountSid}/Messages/${input.sid}.json`;
  return {
    account_sid: input.accountSid,
    api_version: "2010-04-01",
    body: input.body,
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: input.direction ?? "outbound-api",
    error_code: null,
    error_message: null,
    from: input.from,
    messaging_service_sid: null,
    num_media: String(input.numMedia),
    num_segments: String(Math.max(1, Math.ceil(input.body.length / 153))),
    price: null,
    price_unit: "USD",
    sid: input.sid,
    status: input.status,
    subresource_uris: {
      media: `/2010-04-01/Accounts/${input.accountSid}/Messages/${input.sid}/Media.json`,
      feedback: `/2010-04-01/Accounts/${input.accountSid}/Messages/${input.sid}/Feedback.json`,
    },
    to: input.to,
    uri,
  };
}
