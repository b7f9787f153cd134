import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One webhook delivery as the receiver got it. */
export interface Delivery {
  event: string | undefined;
  body: { event: string; createdAt: string; model: string; uid: string; entry: Record<string, unknown> };
}

export interface WebhookReceiver {
  url: string;
  deliveries: Delivery[];
  clear(): void;
  close(): Promise<void>;
}

/** A real HTTP server on loopback that records every POST it receives (a frontend's revalidation hook, say). */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const deliveries: Delivery[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      deliveries.push({ event: req.headers['x-strapi-event'] as string | undefined, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/kabar-hook`,
    deliveries,
    clear: () => void deliveries.splice(0),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
