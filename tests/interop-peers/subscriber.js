'use strict'
// autobahn-js subscriber: subscribes to --topic, prints {"ready": true} once subscribed and
// {"event": {"args", "kwargs", "topic"}} for every event. Exits when stdin closes.
const { parseArgs, emit, fatal, connect, exitOnStdinClose } = require('./lib/peer')

const opts = parseArgs(process.argv.slice(2))
if (!opts.topic) {
  fatal('usage', new Error('--topic is required'))
}

exitOnStdinClose()
connect(opts, async (session) => {
  await session.subscribe(opts.topic, (args, kwargs, details) => {
    emit({ event: { args: args || [], kwargs: kwargs || {}, topic: (details && details.topic) || opts.topic } })
  })
  emit({ ready: true, session: session.id })
})
