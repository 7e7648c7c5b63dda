import type { Endpoint } from "../define-endpoint";
import { logoutEndpoint, meEndpoint, otpRequestEndpoint, otpVerifyEndpoint, refreshEndpoint } from "./auth";
import { docsEndpoint } from "./docs";
import {
  assignConversationEndpoint,
  closeConversationEndpoint,
  listConversationMessagesEndpoint,
  listConversationsEndpoint,
  readConversationEndpoint,
  reopenConversationEndpoint,
  sendConversationMessageEndpoint,
} from "./conversations";
import { eventsEndpoint } from "./events";
import { getMessageEndpoint, getMessageMediaEndpoint } from "./messages";
import { listDeadLettersEndpoint, listPanicModesEndpoint, replayAllDeadLettersEndpoint, replayDeadLetterEndpoint, resolvePanicEndpoint } from "./admin";
import { getAvailabilityEndpoint } from "./availability";
import {
  addJobAttachmentEndpoint,
  createJobEndpoint,
  getJobAttachmentEndpoint,
  getJobEndpoint,
  listJobsEndpoint,
  setJobLineItemsEndpoint,
  transitionJobEndpoint,
  updateJobEndpoint,
} from "./jobs";
import { createPriceListItemEndpoint, listPriceListEndpoint, updatePriceListItemEndpoint } from "./price-list";
import {
  getMyNotificationPreferencesEndpoint,
  getOrganizationNotificationSettingsEndpoint,
  registerPushTokenEndpoint,
  setMyNotificationPreferencesEndpoint,
  setOrganizationNotificationSettingsEndpoint,
} from "./notification-settings";
import {
  addTimeOffEndpoint,
  getTechnicianScheduleEndpoint,
  listTechniciansEndpoint,
  listTimeOffEndpoint,
  removeTimeOffEndpoint,
  setTechnicianScheduleEndpoint,
} from "./technicians";
import { getCustomerEndpoint, listCustomersEndpoint, updateCustomerEndpoint } from "./customers";
import { getLeadEndpoint, listLeadsEndpoint, updateLeadEndpoint } from "./leads";
import {
  getAssistantSettingsEndpoint,
  getConversationAssistantEndpoint,
  setAssistantSettingsEndpoint,
  setConversationAssistantEndpoint,
} from "./assistant";
import { getOverviewEndpoint } from "./overview";
import { listUsersEndpoint, updateUserEndpoint } from "./users";
import {
  authorizeInvoiceEndpoint,
  createCreditNoteEndpoint,
  createInvoiceEndpoint,
  getInvoiceEndpoint,
  getInvoicePdfEndpoint,
  listInvoicesEndpoint,
  publicInvoicePdfEndpoint,
  resendInvoiceEndpoint,
} from "./invoices";
import {
  checkArcaConnectionEndpoint,
  createArcaCsrEndpoint,
  getArcaSettingsEndpoint,
  installArcaCertificateEndpoint,
  saveArcaSettingsEndpoint,
} from "./arca-settings";
import {
  createPaymentLinkEndpoint,
  getPaymentEndpoint,
  listPaymentsEndpoint,
  listReceivablesEndpoint,
  recordPaymentEndpoint,
  refundPaymentEndpoint,
  sendPaymentLinkEndpoint,
} from "./payments";
import { connectMercadoPagoEndpoint, disconnectMercadoPagoEndpoint, getMercadoPagoSettingsEndpoint, updateMercadoPagoSettingsEndpoint } from "./mercadopago-settings";
import { createTemplateEndpoint, getTemplateEndpoint, listTemplatesEndpoint, syncTemplatesEndpoint } from "./templates";
import {
  getWhatsAppUsageEndpoint,
  listWhatsAppAccountsEndpoint,
  updateWhatsAppCredentialsEndpoint,
  verifyWhatsAppAccountEndpoint,
} from "./whatsapp-accounts";

// Every REST endpoint. The OpenAPI document and the role × endpoint test matrix read this list.
export const ALL_ENDPOINTS: readonly Endpoint[] = [
  otpRequestEndpoint,
  otpVerifyEndpoint,
  refreshEndpoint,
  logoutEndpoint,
  meEndpoint,
  docsEndpoint,
  listConversationsEndpoint,
  listConversationMessagesEndpoint,
  sendConversationMessageEndpoint,
  readConversationEndpoint,
  assignConversationEndpoint,
  closeConversationEndpoint,
  reopenConversationEndpoint,
  getMessageEndpoint,
  getMessageMediaEndpoint,
  eventsEndpoint,
  listCustomersEndpoint,
  getCustomerEndpoint,
  updateCustomerEndpoint,
  listDeadLettersEndpoint,
  replayDeadLetterEndpoint,
  replayAllDeadLettersEndpoint,
  listPanicModesEndpoint,
  resolvePanicEndpoint,
  listJobsEndpoint,
  createJobEndpoint,
  getJobEndpoint,
  updateJobEndpoint,
  transitionJobEndpoint,
  setJobLineItemsEndpoint,
  addJobAttachmentEndpoint,
  getJobAttachmentEndpoint,
  listPriceListEndpoint,
  createPriceListItemEndpoint,
  updatePriceListItemEndpoint,
  getAvailabilityEndpoint,
  listTechniciansEndpoint,
  getTechnicianScheduleEndpoint,
  setTechnicianScheduleEndpoint,
  listTimeOffEndpoint,
  addTimeOffEndpoint,
  removeTimeOffEndpoint,
  getMyNotificationPreferencesEndpoint,
  setMyNotificationPreferencesEndpoint,
  registerPushTokenEndpoint,
  getOrganizationNotificationSettingsEndpoint,
  setOrganizationNotificationSettingsEndpoint,
  listLeadsEndpoint,
  getLeadEndpoint,
  updateLeadEndpoint,
  getAssistantSettingsEndpoint,
  setAssistantSettingsEndpoint,
  getConversationAssistantEndpoint,
  setConversationAssistantEndpoint,
  getOverviewEndpoint,
  listTemplatesEndpoint,
  getTemplateEndpoint,
  createTemplateEndpoint,
  syncTemplatesEndpoint,
  listWhatsAppAccountsEndpoint,
  updateWhatsAppCredentialsEndpoint,
  verifyWhatsAppAccountEndpoint,
  getWhatsAppUsageEndpoint,
  listUsersEndpoint,
  updateUserEndpoint,
  listInvoicesEndpoint,
  createInvoiceEndpoint,
  getInvoiceEndpoint,
  authorizeInvoiceEndpoint,
  createCreditNoteEndpoint,
  getInvoicePdfEndpoint,
  resendInvoiceEndpoint,
  publicInvoicePdfEndpoint,
  getArcaSettingsEndpoint,
  saveArcaSettingsEndpoint,
  createArcaCsrEndpoint,
  installArcaCertificateEndpoint,
  checkArcaConnectionEndpoint,
  listPaymentsEndpoint,
  getPaymentEndpoint,
  recordPaymentEndpoint,
  refundPaymentEndpoint,
  createPaymentLinkEndpoint,
  sendPaymentLinkEndpoint,
  listReceivablesEndpoint,
  getMercadoPagoSettingsEndpoint,
  updateMercadoPagoSettingsEndpoint,
  connectMercadoPagoEndpoint,
  disconnectMercadoPagoEndpoint,
] as unknown as Endpoint[];
