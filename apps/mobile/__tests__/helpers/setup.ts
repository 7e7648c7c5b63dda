// Native-only side effects stay out of screen tests: push registration and background location are exercised on
// devices (docs/mobile.md); here they are inert.
jest.mock("../../src/push/push", () => ({ registerForPush: jest.fn(async () => false), onNotificationOpen: jest.fn(() => () => undefined) }));
jest.mock("../../src/location/tracking", () => ({ startTracking: jest.fn(async () => true), stopTracking: jest.fn(async () => undefined) }));

