// Helper backends for the local DoH stack (started by stack.mjs, one process):
//  - a UDP forwarder that answers after a delay (the "slow" backend),
//  - a UDP socket that never answers (the "dead" backend),
//  - an HTTP server with DoH-shaped fault endpoints, all on 127.0.0.1.
// Ports and the delay come from the command line: aux.mjs SLOW DEAD HTTP UPSTREAM DELAY_MS
import dgram from 'node:dgram';
import http from 'node:http';
import { randomBytes } from 'node:crypto';

const [slowPort, deadPort, httpPort, upstreamPort, delayMs] = process.argv.slice(2).map(Number);

// Slow forwarder: every query goes to the authoritative server after `delayMs`.
const slow = dgram.createSocket('udp4');
slow.on('message', (msg, client) => {
  setTimeout(() => {
    const up = dgram.createSocket('udp4');
    const timer = setTimeout(() => up.close(), 5000);
    up.on('message', (answer) => {
      clearTimeout(timer);
      slow.send(answer, client.port, client.address);
      up.close();
    });
    up.send(msg, upstreamPort, '127.0.0.1');
  }, delayMs);
});
slow.bind(slowPort, '127.0.0.1');

// Dead backend: reads and drops every query.
const dead = dgram.createSocket('udp4');
dead.on('message', () => {});
dead.bind(deadPort, '127.0.0.1');

// Fault endpoints, each shaped like a DoH URL (…/dns-query):
//   /garbage/dns-query  200, CORS, application/dns-message, random bytes
//   /short/dns-query    200, CORS, a 5-byte body (truncated header)
//   /http503/dns-query  503 with CORS
//   /nocors/dns-query   200 without the CORS header
//   /hang/dns-query     never answers
const cors = { 'access-control-allow-origin': '*' };
http
  .createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const message = { 'content-type': 'application/dns-message', ...cors };
    switch (path) {
      case '/garbage/dns-query':
        res.writeHead(200, message).end(randomBytes(64));
        break;
      case '/short/dns-query':
        res.writeHead(200, message).end(Buffer.from([0, 1, 0x81, 0x80, 0]));
        break;
      case '/http503/dns-query':
        res.writeHead(503, { 'content-type': 'text/plain', ...cors }).end('unavailable');
        break;
      case '/nocors/dns-query':
        res.writeHead(200, { 'content-type': 'application/dns-message' }).end(randomBytes(32));
        break;
      case '/hang/dns-query':
        break; // never answer; the socket is closed when the process stops
      default:
        res.writeHead(404, cors).end();
    }
  })
  .listen(httpPort, '127.0.0.1');

process.on('SIGTERM', () => process.exit(0));
