/**
 * The test's loopback neighbours: an image host (one JPEG) and a webhook receiver whose answer the
 * test switches (failing first, then healthy), on 127.0.0.1:0.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PhotonImage } from '@cf-wasm/photon/node';

function jpeg(width: number, height: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      rgba[i] = (x * 255) / width;
      rgba[i + 1] = (y * 255) / height;
      rgba[i + 2] = 160;
      rgba[i + 3] = 255;
    }
  }
  const image = new PhotonImage(rgba, width, height);
  try {
    return image.get_bytes_jpeg(85);
  } finally {
    image.free();
  }
}

export interface Fixtures {
  base: string;
  receiver: { mode: 'fail' | 'ok'; received: number };
  close: () => Promise<void>;
}

export async function startFixtures(): Promise<Fixtures> {
  const image = jpeg(600, 400);
  const receiver: Fixtures['receiver'] = { mode: 'fail', received: 0 };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    req.resume();
    if (req.method === 'GET' && path === '/img/shirt.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': image.length }).end(image);
      return;
    }
    if (req.method === 'POST' && path === '/hook') {
      req.on('end', () => {
        receiver.received += 1;
        // A receiver's answer is shown in the delivery log: markup in it must come out as text.
        if (receiver.mode === 'fail') res.writeHead(500, { 'content-type': 'text/html' }).end('<b>receiver down</b><script>alert(1)</script>');
        else res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    receiver,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
