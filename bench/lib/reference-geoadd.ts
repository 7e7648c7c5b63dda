import { createServer } from "node:http";
import { Redis } from "ioredis";

// The tracking bench's reference: a plain node:http server that reads the same batch the phone app posts, takes its
// newest point and GEOADDs it into one per-organization set on the same Redis. No auth, no validation, no active job,
// no ETA, no history: the floor for "a position reached Redis".
//   tsx bench/lib/reference-geoadd.ts <port> <redisUrl> <keyPrefix>
const [port = "0", redisUrl = "redis://127.0.0.1:6379/0", prefix = "campotech-bench"] = process.argv.slice(2);
const redis = new Redis(redisUrl, { enableAutoPipelining: true });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const technician = (req.headers["x-technician"] as string | undefined) ?? "unknown";
    const { positions } = JSON.parse(Buffer.concat(chunks).toString()) as { positions: { lat: number; lng: number }[] };
    const newest = positions[positions.length - 1]!;
    redis.geoadd(`${prefix}:reference:geo`, newest.lng, newest.lat, technician).then(
      () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ accepted: positions.length }));
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
});
server.listen(Number(port), "127.0.0.1", () => console.log("reference ready"));
