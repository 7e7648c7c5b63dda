// What the dashboard hears about, per organization. Ids and the fields a list or a chat view needs to update
// itself; anything else it reads from the API.
export type OrganizationEvent =
  | {
      type: "message.created";
      organizationId: string;
      conversationId: string;
      messageId: string;
      waMessageId: string | null;
      direction: "INBOUND" | "OUTBOUND";
      messageType: string;
      at: string;
    }
  | {
      type: "message.status";
      organizationId: string;
      conversationId: string;
      messageId: string;
      waMessageId: string | null;
      status: string;
      errorCode?: string | null;
      at: string;
    }
  | {
      type: "message.updated";
      organizationId: string;
      conversationId: string;
      messageId: string;
      fields: Record<string, unknown>;
      at: string;
    }
  | {
      type: "conversation.updated";
      organizationId: string;
      conversationId: string;
      status: string;
      unreadCount: number;
      lastMessageAt: string | null;
      windowExpiresAt: string | null;
      at: string;
    }
  | {
      type: "conversation.turn";
      organizationId: string;
      conversationId: string;
      turnId: string;
      messageIds: string[];
      at: string;
    }
  | {
      type: "job.created" | "job.status_changed";
      organizationId: string;
      jobId: string;
      number: number;
      from?: string;
      status: string;
      // The assigned technician: the dispatch map re-reads them, and live tracking refreshes their active job.
      technicianId?: string | null;
      at: string;
    }
  // Details changed (not the status): which fields, and the technician before and after (a reassignment).
  | {
      type: "job.updated";
      organizationId: string;
      jobId: string;
      number: number;
      status: string;
      fields: string[];
      technicianId: string | null;
      previousTechnicianId: string | null;
      at: string;
    }
  // A technician's position was accepted (at most one event per technician every few seconds): the dispatch map moves
  // the marker or re-reads /api/tracking/map.
  | {
      type: "tracking.position";
      organizationId: string;
      technicianId: string;
      jobId: string;
      lat: number;
      lng: number;
      recordedAt: string;
      arriving: boolean;
      at: string;
    }
  | { type: "invoice.updated"; organizationId: string; invoiceId: string; status: string; at: string }
  // A payment or a payment link changed (a MercadoPago notification, a manual payment, a refund): what is paid of an
  // invoice or job changed with it.
  | {
      type: "payment.updated";
      organizationId: string;
      paymentId: string | null;
      linkId: string | null;
      invoiceId: string | null;
      jobId: string | null;
      status: string;
      paidCents: number;
      at: string;
    }

  // Operational notices from other modules (panic mode, plan usage): their own fields, same channel.
  | {
      type: "panic.tripped" | "panic.resolved" | "usage.threshold" | "assistant.emergency" | "assistant.handoff" | "assistant.replied" | "lead.updated";
      organizationId: string;
      at: string;
      [field: string]: unknown;
    };

export type OrganizationEventType = OrganizationEvent["type"];
