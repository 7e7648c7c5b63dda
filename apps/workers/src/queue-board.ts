import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import { Queue } from "bullmq";
import express, { type NextFunction, type Request, type Response } from "express";
import type { Redis } from "ioredis";
import { env } from "@campotech/core/lib/env";
import { AppError } from "@campotech/core/lib/errors";
import { logger } from "@campotech/core/lib/logger";
import { QUEUE_BOARD_PATH, readQueueBoardSession, redeemQueueBoardTicket, workersPublicUrl, type QueueBoardOperator } from "@campotech/core/modules/operators";
import { QUEUES, queuePrefix } from "@campotech/core/workers";
import { guardBoardMutation } from "./queue-board-mutations";
import { deniedPage, readCookie } from "./queue-board-pages";

export const QUEUE_BOARD_COOKIE = "ct_queue_board";

export type QueueBoard = { handle: (req: IncomingMessage, res: ServerResponse) => void; close: () => Promise<void> };

// Bull Board for platform operators, served by the workers' own HTTP server (there is no Next adapter) under
// /operador/colas. Nobody reaches it directly: the panel's /operador/colas checks the operator and redirects here
// with a one-time ticket, which becomes the board's own cookie; every request re-checks the operator. Anything
// without a valid cookie or ticket gets a Spanish 401 page, never the board (docs/operations.md, "Queue dashboard").
export function createQueueBoard(deps: { redis: Redis }): QueueBoard {
  const queues = Object.values(QUEUES).map((name) => {
    const queue = new Queue(name, { connection: deps.redis, prefix: queuePrefix(name) }); // issue 22 (cluster)
    queue.on("error", () => {});
    return queue;
  });
  const operators = new AsyncLocalStorage<QueueBoardOperator>();
  const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: {
      uiConfig: {
        boardTitle: "CampoTech · colas",
        locale: { lng: "es-ES" },
        hideDocsLink: true,
        miscLinks: [{ text: "Volver a operación", url: new URL("/operador", env.PUBLIC_BASE_URL).toString() }],
      },
      handlerHooks: { before: (context) => guardBoardMutation(context, operators.getStore()) },
    },
  });

  const secure = new URL(workersPublicUrl()).protocol === "https:";
  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    res.set({ "x-frame-options": "DENY", "referrer-policy": "no-referrer", "x-content-type-options": "nosniff" });
    if (!req.path.startsWith("/static/")) res.set("cache-control", "no-store");
    try {
      const ticket = req.method === "GET" && typeof req.query.ticket === "string" ? req.query.ticket : null;
      if (ticket) {
        const { session, maxAgeSeconds, operator } = await redeemQueueBoardTicket(ticket, { redis: deps.redis });
        res.cookie(QUEUE_BOARD_COOKIE, session, { httpOnly: true, sameSite: "strict", secure, path: QUEUE_BOARD_PATH, maxAge: maxAgeSeconds * 1000 });
        logger.info({ userId: operator.userId }, "queue board: operator signed in");
        // Same page without the ticket, so it stays out of the address bar and the board's own links.
        res.redirect(303, `${req.baseUrl}${req.path === "/" ? "" : req.path}`);
        return;
      }
      const session = readCookie(req.headers.cookie, QUEUE_BOARD_COOKIE);
      if (!session) throw new AppError("UNAUTHENTICATED", { message: "Entrá desde /operador en el panel.", detail: "no board session" });
      const operator = await readQueueBoardSession(session);
      operators.run(operator, next);
    } catch (error) {
      const known = error instanceof AppError && (error.status === 401 || error.status === 403);
      if (!known) logger.error({ err: (error as Error).message }, "queue board: could not check the operator");
      if (known) res.clearCookie(QUEUE_BOARD_COOKIE, { path: QUEUE_BOARD_PATH });
      const status = known ? error.status : 503;
      res.status(status).type("html").send(deniedPage(known ? error.message : "No pudimos verificar tu acceso. Probá de nuevo en unos segundos."));
    }
  };

  const app = express();
  app.disable("x-powered-by");
  app.use(QUEUE_BOARD_PATH, authenticate, serverAdapter.getRouter());
  return {
    handle: (req, res) => void app(req, res),
    close: async () => {
      await Promise.all(queues.map((queue) => queue.close().catch(() => {})));
    },
  };
}
