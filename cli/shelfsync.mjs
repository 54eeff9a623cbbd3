#!/usr/bin/env node
// The Shelfsync CLI: import feed files with a live progress bar, check a job, export the catalog, listen to webhooks.
//   shelfsync import <file|url> [--mode replace] [--format csv|tsv|jsonl|xml] [--url <base>] [--key <key>]
//   shelfsync status <jobId>
//   shelfsync export > catalog.jsonl
//   shelfsync jobs watch <jobId>
//   shelfsync products get <id> | put <id> [file] | list [--limit n] [--status s] [--cursor c]
//   shelfsync webhooks listen --forward-to http://127.0.0.1:3000/hooks [--events product.*] [--expires-in 2h]
// Exit codes: 0 done (listen: stopped by SIGINT/SIGTERM, endpoint removed); 1 the API refused or the job did
// not complete (listen: the endpoint could not be created or removed); 2 usage (no key, bad arguments).
// --url defaults to $SHELFSYNC_URL or http://127.0.0.1:8787 (what `npm start` serves); --key to $SHELFSYNC_KEY.
import { Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { importContentType, summarize } from './format.mjs';
import { ApiClient } from './client.mjs';
import { parseDuration, parseEvents, startReceiver } from './listen.mjs';

const program = new Command()
  .name('shelfsync')
  .description('Import catalog feeds into Shelfsync, follow jobs, export the catalog, receive webhooks locally.')
  .option('--url <base>', 'Shelfsync base URL', process.env.SHELFSYNC_URL ?? 'http://127.0.0.1:8787')
  .option('--key <key>', 'API key (or set SHELFSYNC_KEY)', process.env.SHELFSYNC_KEY)
  // Bad arguments exit 2 like every other usage error (commander's own default is 1); help exits 0.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

function client() {
  const { url, key } = program.opts();
  if (!key) {
    console.error('shelfsync: an API key is needed: --key <key> or SHELFSYNC_KEY');
    process.exit(2);
  }
  return new ApiClient(url, key);
}

const formats = ['csv', 'tsv', 'jsonl', 'xml'];
const parseFormat = (value) => {
  if (!formats.includes(value)) throw new InvalidArgumentError(`one of ${formats.join(', ')}`);
  return value;
};

program
  .command('import')
  .description('Upload a feed file (or a URL) and follow the import until it ends')
  .argument('<source>', 'a file path, or an http(s) URL to stream from')
  .option('--format <format>', 'csv, tsv, jsonl or xml (default: from the file extension)', parseFormat)
  .option('--mode <mode>', 'upsert, or replace (a full sync: products not in the file are deleted)', 'upsert')
  .option('--no-wait', 'return once the file is uploaded')
  .action(async (source, options) => {
    const api = client();
    const remote = /^https?:\/\//i.test(source);
    const name = remote ? new URL(source).pathname : source;
    const gzip = extname(name).toLowerCase() === '.gz';
    const format = options.format ?? extname(gzip ? name.slice(0, -3) : name).slice(1).toLowerCase().replace('ndjson', 'jsonl');
    if (!formats.includes(format)) {
      console.error(`shelfsync: cannot tell the format of ${source}; pass --format`);
      process.exit(2);
    }
    let body;
    let length;
    if (remote) {
      const response = await fetch(source);
      if (!response.ok || !response.body) throw new Error(`${source} answered ${response.status}`);
      body = response.body;
    } else {
      length = statSync(source).size;
      body = Readable.toWeb(createReadStream(source));
    }
    const upload = new cliProgress.SingleBar({ format: 'upload  {bar} {percentage}% {value}/{total} bytes', hideCursor: true }, cliProgress.Presets.shades_classic);
    if (length) upload.start(length, 0);
    let sent = 0;
    const counted = body.pipeThrough(
      new TransformStream({
        transform(chunk, controller) {
          sent += chunk.byteLength;
          if (length) upload.update(sent);
          controller.enqueue(chunk);
        },
      }),
    );
    const accepted = await api.startImport(counted, importContentType(format), { mode: options.mode, gzip });
    if (length) upload.stop();
    const jobId = accepted.job.id;
    console.error(`import ${jobId}: ${accepted.import.bytes} bytes stored (sha256 ${accepted.import.sha256.slice(0, 12)}...)`);
    if (!options.wait) {
      console.log(jobId);
      return;
    }
    const bar = new cliProgress.SingleBar(
      { format: 'rows    {bar} {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted}', hideCursor: true, etaBuffer: 20 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(100, 0, { rows: 0, speed: 0 });
    let state = accepted.import;
    while (state.status === 'pending' || state.status === 'processing') {
      await new Promise((r) => setTimeout(r, 500));
      state = await api.getImport(jobId);
      bar.update(Math.round(state.progress * 100), { rows: state.rows.total, speed: state.rowsPerSecond ?? 0 });
    }
    bar.update(100, { rows: state.rows.total, speed: state.rowsPerSecond ?? 0 });
    bar.stop();
    const errors = state.rows.failed > 0 ? await api.getJobErrors(jobId, 20) : [];
    console.log(summarize(state, errors));
    process.exitCode = state.status === 'completed' ? 0 : 1;
  });

program
  .command('status')
  .description('Show a job (and its import progress)')
  .argument('<jobId>')
  .action(async (jobId) => {
    const api = client();
    const job = await api.getJob(jobId);
    console.log(JSON.stringify(job, null, 2));
    process.exitCode = job.status === 'failed' || job.status === 'partial' ? 1 : 0;
  });

program
  .command('export')
  .description('Write every product as JSON Lines to stdout (re-importable with `shelfsync import`)')
  .action(async () => {
    const api = client();
    let count = 0;
    for await (const product of api.allProducts()) {
      process.stdout.write(`${JSON.stringify(product)}\n`);
      count += 1;
    }
    console.error(`exported ${count} products`);
  });

const jobs = program.command('jobs').description('Follow jobs');

jobs
  .command('watch')
  .description('A live progress bar of a job until it ends; exit 1 if it ends partial or failed')
  .argument('<jobId>')
  .option('--interval <ms>', 'how often to ask (ms)', (v) => parsePositive(v), 1000)
  .action(async (jobId, options) => {
    const api = client();
    let job = await api.getJob(jobId);
    const running = () => job.status === 'pending' || job.status === 'processing';
    // Only a terminal draws the bar; piped output gets the final line alone.
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: 'job     {bar} {value}/{total} items | {status}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic)
      : null;
    const done = () => job.counts.succeeded + job.counts.failed;
    bar?.start(Math.max(job.counts.total, 1), done(), { status: job.status });
    while (running()) {
      await new Promise((r) => setTimeout(r, options.interval));
      job = await api.getJob(jobId);
      bar?.setTotal(Math.max(job.counts.total, 1));
      bar?.update(done(), { status: job.status });
    }
    bar?.stop();
    console.log(`${job.status}: ${job.counts.succeeded} of ${job.counts.total} items succeeded, ${job.counts.failed} failed`);
    process.exitCode = job.status === 'completed' ? 0 : 1;
  });

const products = program.command('products').description('Read and write single products');

products
  .command('get')
  .description('Print a product as JSON')
  .argument('<id>')
  .action(async (id) => {
    console.log(JSON.stringify(await client().getProduct(id), null, 2));
  });

products
  .command('put')
  .description('Create or replace a product from a JSON file (or stdin); prints the stored product')
  .argument('<id>')
  .argument('[file]', 'a JSON file with the product (PUT /v1/products/{id} body); stdin when omitted or -')
  .action(async (id, file) => {
    const text = !file || file === '-' ? await readStdin() : readFileSync(file, 'utf8');
    let body;
    try {
      body = JSON.parse(text);
    } catch (err) {
      console.error(`shelfsync: ${file ?? 'stdin'} is not JSON: ${err.message}`);
      process.exit(2);
    }
    const { product, created, jobId } = await client().putProduct(id, body);
    console.error(`${created ? 'created' : 'replaced'} ${id} (version ${product.version}, job ${jobId})`);
    console.log(JSON.stringify(product, null, 2));
  });

products
  .command('list')
  .description('Print one page of products as JSON Lines; the next cursor goes to stderr')
  .option('--limit <n>', 'products per page (1-200)', (v) => parsePositive(v), 50)
  .option('--status <status>', 'only products in this processing status (pending, processing, done, error)')
  .option('--cursor <cursor>', 'the nextCursor of the previous page')
  .action(async (options) => {
    const page = await client().listProducts({ limit: options.limit, ...(options.status ? { status: options.status } : {}), ...(options.cursor ? { cursor: options.cursor } : {}) });
    for (const product of page.data) console.log(JSON.stringify(product));
    console.error(page.nextCursor ? `next: shelfsync products list --cursor ${page.nextCursor}` : `${page.data.length} products, no more pages`);
  });

const webhooks = program.command('webhooks').description('Receive webhooks in local development');

webhooks
  .command('listen')
  .description(
    'Create a temporary endpoint that delivers to a receiver on 127.0.0.1, verify each delivery, print one line per event and forward it; the endpoint is removed on Ctrl-C (and expires by itself if the CLI is killed)',
  )
  .requiredOption('--forward-to <url>', 'where each verified delivery is POSTed (body and webhook-* headers unchanged)', parseHttpUrl)
  .addOption(new Option('--events <types>', 'event types to subscribe to, comma-separated (e.g. product.*,image.*)').argParser(parseEvents).default(['*'], 'all: *'))
  .addOption(new Option('--expires-in <duration>', 'lifetime of the temporary endpoint, e.g. 30m, 2h, 1d (at most 7d)').argParser(parseExpiry).default(parseDuration('2h'), '2h'))
  .addOption(new Option('--port <port>', 'port of the local receiver').argParser(parsePort).default(0, 'any free one'))
  .action(async (options) => {
    const api = client();
    let endpoint = null;
    const receiver = await startReceiver({
      port: options.port,
      forwardTo: options.forwardTo,
      secret: () => endpoint.secret,
      print: (line) => console.log(line),
      warn: (line) => console.error(line),
    });
    const url = `http://127.0.0.1:${receiver.address().port}/`;
    try {
      endpoint = await api.createWebhook({ url, eventTypes: options.events, expiresAt: new Date(Date.now() + options.expiresIn).toISOString() });
    } catch (err) {
      receiver.close();
      throw err;
    }
    console.error(`listening: endpoint ${endpoint.id} -> ${url} (expires ${endpoint.expiresAt}), forwarding ${options.events.join(',')} to ${options.forwardTo}`);
    // The signing secret, for the local app to verify the forwarded deliveries (as `stripe listen` prints its own).
    console.error(`signing secret: ${endpoint.secret}`);
    const stop = async (signal) => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      receiver.close();
      try {
        await api.deleteWebhook(endpoint.id);
        console.error(`${signal}: endpoint ${endpoint.id} removed`);
        process.exit(0);
      } catch (err) {
        console.error(`shelfsync: could not remove endpoint ${endpoint.id} (it expires at ${endpoint.expiresAt}): ${err.message}`);
        process.exit(1);
      }
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });

function parseHttpUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('an http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError('an http(s) URL');
  return url.href;
}

function parseExpiry(value) {
  const ms = parseDuration(value);
  if (ms === null) throw new InvalidArgumentError('a duration like 30m, 2h or 1d, at most 7d');
  return ms;
}

function parsePort(value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port (0-65535)');
  return n;
}

function parsePositive(value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive integer');
  return n;
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

program.parseAsync().catch((err) => {
  console.error(`shelfsync: ${err.message}`);
  process.exit(1);
});
