'use strict'
// autobahn-js publisher: publishes --count (default 1) acknowledged events to --topic with --args (JSON array,
// the event's index is appended when --count > 1) and --kwargs (JSON object), prints {"published": count} and exits.
const { parseArgs, json, emit, fatal, connect, exitOnStdinClose } = require('./lib/peer')

const opts = parseArgs(process.argv.slice(2))
if (!opts.topic) {
  fatal('usage', new Error('--topic is required'))
}
const count = Number(opts.count || 1)

exitOnStdinClose()
const connection = connect(opts, async (session) => {
  for (let i = 0; i < count; i++) {
    const args = json(opts, 'args', [])
    await session.publish(opts.topic, count > 1 ? args.concat([i]) : args, json(opts, 'kwargs', {}), { acknowledge: true })
  }
  emit({ published: count })
  connection.close()
  process.exit(0)
})
