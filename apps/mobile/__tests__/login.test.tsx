import { fireEvent, screen } from "@testing-library/react-native";
import { createFakeApi } from "./helpers/fake-api";
import { renderApp } from "./helpers/render-app";

test("logs in with the phone and the WhatsApp code, asking for the tokens in the body, and logs out", async () => {
  const api = createFakeApi();
  const { tokenStore } = renderApp(api);

  fireEvent.changeText(await screen.findByLabelText("Número de celular"), "+5491140000003");
  fireEvent.press(screen.getByText("Enviarme el código"));
  expect(await screen.findByText(/te enviamos un código por WhatsApp/)).toBeTruthy();

  fireEvent.changeText(screen.getByLabelText("Código"), "000000");
  fireEvent.press(screen.getByText("Ingresar"));
  expect(await screen.findByText("El código no es correcto.")).toBeTruthy();

  fireEvent.changeText(screen.getByLabelText("Código"), "123456");
  fireEvent.press(screen.getByText("Ingresar"));
  expect(await screen.findByText("Mis trabajos")).toBeTruthy();
  expect(await screen.findByText("Martina Gómez")).toBeTruthy();

  const verify = api.calls.find((c) => c.path === "/api/auth/otp/verify")!;
  expect(verify.headers["x-session-transport"]).toBe("body");
  expect(tokenStore.value()?.refreshToken).toMatch(/^refresh-/);
  expect(api.calls.find((c) => c.path === "/api/sync/pull")?.headers.authorization).toMatch(/^Bearer access-/);

  fireEvent.press(screen.getByText("Salir"));
  expect(await screen.findByText("Enviarme el código")).toBeTruthy();
  expect(tokenStore.value()).toBeNull();
  expect(api.calls.some((c) => c.path === "/api/auth/logout")).toBe(true);
});
