import { fireEvent, screen } from "@testing-library/react-native";
import { splitJobs } from "../src/screens/jobs-screen";
import { createFakeApi, makeJob } from "./helpers/fake-api";
import { renderApp } from "./helpers/render-app";

const tomorrow = new Date(Date.now() + 30 * 60 * 60_000).toISOString();

test("Hoy lists today's jobs with time, customer, address and service, emergencies first; Próximos the days ahead", async () => {
  const api = createFakeApi({
    jobs: [
      makeJob(),
      makeJob({ id: "job-2", number: 102, urgency: "EMERGENCY", customer: { id: "c2", name: "Jorge Pereyra", phone: null, address: null }, address: "Mitre 1234, Avellaneda", serviceType: "GAS" }),
      makeJob({ id: "job-3", number: 103, scheduledStart: tomorrow, scheduledEnd: null, customer: { id: "c3", name: "Carla Domínguez", phone: null, address: null } }),
    ],
  });
  renderApp(api, { signedIn: true });

  expect(await screen.findByText("Martina Gómez")).toBeTruthy();
  expect(screen.getByText("Av. Rivadavia 4520, CABA")).toBeTruthy();
  expect(screen.getByText(/#101 · Plomería/)).toBeTruthy();
  expect(screen.getByText("⚠ EMERGENCIA")).toBeTruthy();
  expect(screen.getByText("Hoy (2)")).toBeTruthy();
  expect(screen.queryByText("Carla Domínguez")).toBeNull();

  fireEvent.press(screen.getByText("Próximos (1)"));
  expect(await screen.findByText("Carla Domínguez")).toBeTruthy();
  expect(screen.queryByText("Martina Gómez")).toBeNull();
});

test("splitJobs puts the emergency first and keeps a job under way in Hoy whatever its date", () => {
  const jobs = [makeJob({ id: "a" }), makeJob({ id: "b", urgency: "EMERGENCY" }), makeJob({ id: "c", status: "working", scheduledStart: tomorrow })].map((j) => ({ ...j, pendingCount: 0, problems: [], totalsEstimated: false }));
  const { today, upcoming } = splitJobs(jobs);
  expect(today.map((j) => j.id)).toEqual(["b", "a", "c"]);
  expect(upcoming).toEqual([]);
});
