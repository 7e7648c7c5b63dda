import type { Endpoint } from "../define-endpoint";
import { logoutEndpoint, meEndpoint, otpRequestEndpoint, otpVerifyEndpoint, refreshEndpoint } from "./auth";
import { docsEndpoint } from "./docs";
import { cancelPlanChangeRequestEndpoint, getPlanEndpoint, requestPlanChangeEndpoint } from "./plan"; // issue 19 (plans)
import {
  assignConversationEndpoint,
  assignEmergencyTechnicianEndpoint,
  closeConversationEndpoint,
  listConversationMessagesEndpoint,
  listConversationsEndpoint,
  readConversationEndpoint,
  reopenConversationEndpoint,
  sendConversationMessageEndpoint,
} from "./conversations";
import { eventsEndpoint } from "./events";
import { getMessageEndpoint, getMessageMediaEndpoint, retryMessageMediaEndpoint } from "./messages";
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
import {
  addCustomerAddressEndpoint,
  getCustomerEndpoint,
  listCustomerAddressesEndpoint,
  listCustomersEndpoint,
  mergeCustomerEndpoint,
  removeCustomerAddressEndpoint,
  setCustomerTagsEndpoint,
  updateCustomerAddressEndpoint,
  updateCustomerEndpoint,
} from "./customers";
import { exportConversationsEndpoint, exportCustomersEndpoint, exportJobsEndpoint } from "./exports";
import { getLeadEndpoint, listLeadsEndpoint, updateLeadEndpoint } from "./leads";
import {
  getAssistantSettingsEndpoint,
  getConversationAssistantEndpoint,
  setAssistantSettingsEndpoint,
  setConversationAssistantEndpoint,
} from "./assistant";
import { getOverviewEndpoint } from "./overview";
import { getReportEndpoint } from "./reports";
import { listUsersEndpoint, updateUserEndpoint } from "./users";
// issue 19 (team)
import { acceptInvitationEndpoint, createInvitationEndpoint, resendInvitationEndpoint, revokeInvitationEndpoint } from "./users";
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
import {
  getDispatchMapEndpoint,
  getTechnicianRouteEndpoint,
  getTrackingSettingsEndpoint,
  ingestPositionsEndpoint,
  nearestTechniciansEndpoint,
  publicTrackingEndpoint,
  setJobLocationEndpoint,
  setTechnicianVehicleEndpoint,
  updateTrackingSettingsEndpoint,
} from "./tracking";
import { syncPullEndpoint, syncPushEndpoint, syncUploadEndpoint } from "./sync";
import { composerTemplatesEndpoint, createTemplateEndpoint, getTemplateEndpoint, listTemplatesEndpoint, syncTemplatesEndpoint } from "./templates";
import { createQuickReplyEndpoint, deleteQuickReplyEndpoint, listQuickRepliesEndpoint, updateQuickReplyEndpoint } from "./quick-replies";
import {
  getWhatsAppUsageEndpoint,
  listWhatsAppAccountsEndpoint,
  updateWhatsAppCredentialsEndpoint,
  verifyWhatsAppAccountEndpoint,
} from "./whatsapp-accounts";
// issue 19 (walink)
import { getWaLinkCardPdfEndpoint, getWaLinkEndpoint, getWaLinkQrPngEndpoint, getWaLinkQrSvgEndpoint, updateWaLinkEndpoint } from "./wa-links";
// issue 19 (signup)
import { signupCodeEndpoint, signupEndpoint } from "./signup";
import { dismissOnboardingEndpoint, getOnboardingEndpoint } from "./onboarding";

// issue 19 (provisioning)
import {
  getProvisioningEndpoint, listProvisioningNumbersEndpoint, releaseProvisioningEndpoint, reserveProvisioningNumberEndpoint, sendProvisioningCodeEndpoint,
  verifyProvisioningCodeEndpoint,
} from "./number-provisioning";
import { listInboundDeadLettersEndpoint, replayInboundDeadLettersEndpoint } from "./inbound-dead-letters"; // issue 22 (poison)

import { eraseCustomerDataEndpoint, exportCustomerDataEndpoint } from "./customer-privacy"; // issue 20 (retention)

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
  assignEmergencyTechnicianEndpoint,
  closeConversationEndpoint,
  reopenConversationEndpoint,
  getMessageEndpoint,
  getMessageMediaEndpoint,
  retryMessageMediaEndpoint,
  eventsEndpoint,
  listCustomersEndpoint,
  getCustomerEndpoint,
  updateCustomerEndpoint,
  setCustomerTagsEndpoint,
  listCustomerAddressesEndpoint,
  addCustomerAddressEndpoint,
  updateCustomerAddressEndpoint,
  removeCustomerAddressEndpoint,
  mergeCustomerEndpoint,
  exportCustomersEndpoint,
  exportJobsEndpoint,
  exportConversationsEndpoint,
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
  getReportEndpoint,
  listTemplatesEndpoint,
  getTemplateEndpoint,
  createTemplateEndpoint,
  syncTemplatesEndpoint,
  composerTemplatesEndpoint,
  listQuickRepliesEndpoint,
  createQuickReplyEndpoint,
  updateQuickReplyEndpoint,
  deleteQuickReplyEndpoint,
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
  ingestPositionsEndpoint,
  getDispatchMapEndpoint,
  getTechnicianRouteEndpoint,
  nearestTechniciansEndpoint,
  setJobLocationEndpoint,
  getTrackingSettingsEndpoint,
  updateTrackingSettingsEndpoint,
  setTechnicianVehicleEndpoint,
  publicTrackingEndpoint,
  syncPullEndpoint,
  syncPushEndpoint,
  syncUploadEndpoint,
  // issue 19 (walink)
  getWaLinkEndpoint,
  updateWaLinkEndpoint,
  getWaLinkQrPngEndpoint,
  getWaLinkQrSvgEndpoint,
  getWaLinkCardPdfEndpoint,
  // issue 19 (signup)
  signupCodeEndpoint,
  signupEndpoint,
  getOnboardingEndpoint,
  dismissOnboardingEndpoint,
  // issue 19 (provisioning)
  getProvisioningEndpoint,
  listProvisioningNumbersEndpoint,
  reserveProvisioningNumberEndpoint,
  sendProvisioningCodeEndpoint,
  verifyProvisioningCodeEndpoint,
  releaseProvisioningEndpoint,
  // issue 19 (team)
  createInvitationEndpoint,
  resendInvitationEndpoint,
  revokeInvitationEndpoint,
  acceptInvitationEndpoint,
  // issue 19 (plans)
  getPlanEndpoint,
  requestPlanChangeEndpoint,
  cancelPlanChangeRequestEndpoint,
  // issue 20 (retention)
  exportCustomerDataEndpoint,
  eraseCustomerDataEndpoint,
  // issue 22 (poison)
  listInboundDeadLettersEndpoint,
  replayInboundDeadLettersEndpoint,
] as unknown as Endpoint[];
