'use strict'
// autobahn-js callee. Registers, under --prefix (default "test."; give each test its own so tests can share
// one router):
//   add2(a, b)            -> a + b
//   echo(*args, **kwargs) -> the same args and kwargs
//   progress(n)           -> progressive results 1..n (when the caller asked for them), then final "done"
//   fail()                -> autobahn.Error("com.example.error.custom", ["bad", 42], {reason: "because", code: 7})
//   slow(ms)              -> "late" after ms milliseconds (for cancel tests); prints {"returned": "slow"} then
//   publish(topic, args, kwargs) -> publishes that event (acknowledged) and returns true
// Prints {"ready": true, "session": id} once everything is registered, and {"invoked": name} per invocation.
const { autobahn, parseArgs, emit, connect, exitOnStdinClose } = require('./lib/peer')

const opts = parseArgs(process.argv.slice(2))
const prefix = opts.prefix || 'test.'

exitOnStdinClose()
connect(opts, async (session) => {
  const procedures = {
    add2: (args) => args[0] + args[1],
    echo: (args, kwargs) => new autobahn.Result(args, kwargs),
    progress: async (args, kwargs, details) => {
      const n = args[0]
      for (let i = 1; i <= n; i++) {
        if (details.progress) {
          details.progress([i])
        }
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      return 'done'
    },
    fail: () => {
      throw new autobahn.Error('com.example.error.custom', ['bad', 42], { reason: 'because', code: 7 })
    },
    slow: (args) => new Promise((resolve) => setTimeout(() => {
      emit({ returned: 'slow' })
      resolve('late')
    }, args[0])),
    publish: async (args) => {
      await session.publish(args[0], args[1] || [], args[2] || {}, { acknowledge: true })
      return true
    }
  }
  for (const [name, fn] of Object.entries(procedures)) {
    await session.register(prefix + name, (args, kwargs, details) => {
      emit({ invoked: name })
      return fn(args || [], kwargs || {}, details || {})
    })
  }
  emit({ ready: true, session: session.id })
})
