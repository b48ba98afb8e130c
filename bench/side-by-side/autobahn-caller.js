'use strict'
// The autobahn-js caller of row (c), the same procedure as the .NET caller (Cfc.Benchmarks table): warm-up calls,
// sequential calls (median, p99), then calls with <inFlight> in flight (calls/s and this process's CPU per call).
// Usage: node autobahn-caller.js <ws-url> <realm> <procedure> <warmUp> <sequential> <loaded> <inFlight>
// Prints one JSON line: {"medianUs","p99Us","perSecond","cpuUsPerOp"}.
const autobahn = require('autobahn')

const [url, realm, procedure, ...counts] = process.argv.slice(2)
const [WARMUP, SEQUENTIAL, LOADED, IN_FLIGHT] = counts.map(Number)

function open () {
  return new Promise((resolve, reject) => {
    const connection = new autobahn.Connection({ url, realm, max_retries: 0 })
    connection.onopen = (session) => resolve({ connection, session })
    connection.onclose = (reason) => { reject(new Error('closed: ' + reason)); return true }
    connection.open()
  })
}

async function main () {
  const caller = await open()
  const call = () => caller.session.call(procedure, ['hello', 42])

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
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, LOADED) }, worker))
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const used = process.cpuUsage(cpu)

  const n = micros.length
  const median = n % 2 ? micros[(n - 1) / 2] : (micros[n / 2 - 1] + micros[n / 2]) / 2
  const p99 = micros[Math.ceil(n * 0.99) - 1]
  console.log(JSON.stringify({ medianUs: median, p99Us: p99, perSecond: LOADED / seconds, cpuUsPerOp: (used.user + used.system) / LOADED }))
  caller.connection.close()
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1) })
