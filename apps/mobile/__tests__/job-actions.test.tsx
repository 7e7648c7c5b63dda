import { act, fireEvent, screen, waitFor } from "@testing-library/react-native";
import { createFakeApi } from "./helpers/fake-api";
import { renderApp } from "./helpers/render-app";

async function openJob() {
  fireEvent.press(await screen.findByText("Martina Gómez"));
  return screen.findByText("Salgo para allá");
}

test("offline, a status change is queued and shown as pending; back online it reaches the server", async () => {
  const api = createFakeApi();
  const app = renderApp(api, { signedIn: true });
  await openJob();

  api.state.offline = true;
  fireEvent.press(screen.getByText("Salgo para allá"));
  expect(await screen.findByText("1 cambio sin enviar")).toBeTruthy();
  expect(screen.getByTestId("job-status").props.children).toBe("En camino");
  expect(await screen.findByText(/Sin conexión · 1 cambio pendiente/)).toBeTruthy();
  expect(app.services().engine.pending()[0]).toMatchObject({ state: "failed", mutation: { type: "transition", to: "en_camino" } });
  expect(api.jobs.get("job-1")!.status).toBe("scheduled");

  api.state.offline = false;
  await act(() => app.services().engine.sync());
  await waitFor(() => expect(screen.queryByText("1 cambio sin enviar")).toBeNull());
  expect(api.jobs.get("job-1")!.status).toBe("en_camino");
  expect(screen.getByText("Llegué, empiezo")).toBeTruthy();
});

test("a transition the server refuses shows the server's reason and the server's status", async () => {
  const api = createFakeApi();
  const app = renderApp(api, { signedIn: true });
  await openJob();

  api.state.rejectNext = "Un trabajo cancelado no puede pasar a en camino.";
  fireEvent.press(screen.getByText("Salgo para allá"));
  expect(await screen.findByText("Un trabajo cancelado no puede pasar a en camino.")).toBeTruthy();
  expect(screen.getByText("El servidor no aceptó el cambio")).toBeTruthy();
  expect(screen.getByTestId("job-status").props.children).toBe("Agendado");

  fireEvent.press(screen.getByText("Entendido"));
  await waitFor(() => expect(app.services().engine.pending()).toEqual([]));
  await waitFor(() => expect(screen.queryByText("El servidor no aceptó el cambio")).toBeNull());
});

test("notes and the signature go through the outbox: the signature is uploaded by hash, then attached", async () => {
  const api = createFakeApi();
  renderApp(api, { signedIn: true });
  await openJob();

  fireEvent.changeText(screen.getByLabelText("Notas del trabajo"), "Cambié el flexible");
  fireEvent.press(screen.getByText("Guardar nota"));
  await waitFor(() => expect(api.jobs.get("job-1")!.notes).toBe("Cambié el flexible"));

  const pad = screen.getByTestId("signature-pad");
  fireEvent(pad, "layout", { nativeEvent: { layout: { width: 300, height: 180, x: 0, y: 0 } } });
  const layer = pad.children[pad.children.length - 1] as Parameters<typeof fireEvent>[0];
  const touch = (x: number, y: number) => {
    const t = Date.now();
    const bank = { touchActive: true, startPageX: x, startPageY: y, startTimeStamp: t, currentPageX: x, currentPageY: y, currentTimeStamp: t, previousPageX: x, previousPageY: y, previousTimeStamp: t };
    return { nativeEvent: { locationX: x, locationY: y, pageX: x, pageY: y, touches: [], changedTouches: [], identifier: 0, timestamp: t }, touchHistory: { numberActiveTouches: 1, indexOfSingleActiveTouch: 0, mostRecentTimeStamp: t, touchBank: [bank] } };
  };
  fireEvent(layer, "responderGrant", touch(10, 10));
  fireEvent(layer, "responderMove", touch(120, 90));
  fireEvent(layer, "responderMove", touch(200, 40));
  fireEvent.press(screen.getByText("Guardar firma"));

  expect(await screen.findByTestId("signature-saved")).toBeTruthy();
  await waitFor(() => expect(api.jobs.get("job-1")!.attachments.map((a) => a.kind)).toEqual(["SIGNATURE"]));
  const upload = api.calls.find((c) => c.path.startsWith("/api/sync/uploads/"))!;
  expect(upload.headers["content-type"]).toBe("image/png");
  expect(api.calls.findIndex((c) => c.path.startsWith("/api/sync/uploads/"))).toBeLessThan(api.calls.findLastIndex((c) => c.path === "/api/sync/push"));
});
