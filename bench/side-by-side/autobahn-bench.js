'use strict'
// The autobahn-js baseline: the same procedure as `Cfc.Benchmarks sidebyside` (a callee and a caller session,
// 200 warm-up calls, 1000 sequential calls for median/p99, then 20 000 calls with 100 in flight).
// Usage: node autobahn-bench.js <ws-url> [realm] [label]
const autobahn = require('autobahn')

const [url, realm = 'realm1', label = 'autobahn-js -> fox-wamp'] = process.argv.slice(2)
const WARMUP = 200
const SEQUENTIAL = 1000
const LOADED = 20000
const IN_FLIGHT = 100

function open () {
  return new Promise((resolve, reject) => {
    const connection = new autobahn.Connection({ url, realm, max_retries: 0 })
    connection.onopen = (session) => resolve({ connection, session })
    connection.onclose = (reason) => { reject(new Error('closed: ' + reason)); return true }
    connection.open()
  })
}

async function main () {
  const callee = await open()
  await callee.session.register('bench.echo', (args, kwargs) => new autobahn.Result(args, kwargs))
  const caller = await open()
  const call = () => caller.session.call('bench.echo', ['hello', 42])

  for (let i = 0; i < WARMUP; i++) await call()
  const micros = []
  for (let i = 0; i < SEQUENTIAL; i++) {
    const start = process.hrtime.bigint()
    await call()
    micros.push(Number(process.hrtime.bigint() - start) / 1000)
  }
  micros.sort((a, b) => a - b)

  let remaining = LOADED
  const worker = async () => { while (remaining-- > 0) await call() }
  const start = process.hrtime.bigint()
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
  const seconds = Number(process.hrtime.bigint() - start) / 1e9

  const median = micros[SEQUENTIAL / 2]
  const p99 = micros[Math.ceil(SEQUENTIAL * 0.99) - 1]
  console.log(`| ${label} | json | ${median.toFixed(0)} µs | ${p99.toFixed(0)} µs | ${(LOADED / seconds / 1000).toFixed(1)}k calls/s |`)
  caller.connection.close()
  callee.connection.close()
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1) })
