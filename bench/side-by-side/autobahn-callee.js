'use strict'
// The callee every caller of row (c) calls: an autobahn-js session registering `bench.echo` (returns its
// arguments). One process for all callers, so they are compared against the same callee.
// Usage: node autobahn-callee.js <ws-url> <realm>; prints {"ready":true} once registered; exits when stdin closes.
const autobahn = require('autobahn')

const [url, realm] = process.argv.slice(2)
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()

const connection = new autobahn.Connection({ url, realm, max_retries: 0 })
connection.onopen = async (session) => {
  await session.register('bench.echo', (args, kwargs) => new autobahn.Result(args, kwargs))
  process.stdout.write(JSON.stringify({ ready: true }) + '\n')
}
connection.onclose = (reason) => { console.error('closed: ' + reason); process.exit(1) }
connection.open()
