'use strict'
// A plain fox-wamp router for the side-by-side benchmark: one anonymous WebSocket listener on 127.0.0.1 (free
// port) with the realm "realm1" created up front. Prints {"port": <port>} once listening; exits when stdin closes
// or on SIGTERM. (tests/interop-peers/router.js is the full launcher with authentication, for the interop tests.)
const Router = require('fox-wamp')
const { WampGate } = require('fox-wamp/lib/wamp/gate')
const WampServer = require('fox-wamp/lib/wamp/transport')

async function main () {
  const router = new Router()
  await router.initRealm('realm1', router.createRealm('realm1'))
  const server = new WampServer(new WampGate(router), { host: '127.0.0.1', port: 0 })
  server.once('listening', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n'))
}

process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
process.on('SIGTERM', () => process.exit(0))
main().catch((err) => { console.error(err); process.exit(1) })
