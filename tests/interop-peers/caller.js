'use strict'
// autobahn-js caller: calls --procedure once with --args (JSON array) and --kwargs (JSON object), prints
// {"progress": {"args", "kwargs"}} per progressive result (with --progress), then
// {"result": {"args", "kwargs"}} or {"error": {"error", "args", "kwargs"}}, and exits.
const { autobahn, parseArgs, json, emit, fatal, describeError, connect, exitOnStdinClose } = require('./lib/peer')

const opts = parseArgs(process.argv.slice(2))
if (!opts.procedure) {
  fatal('usage', new Error('--procedure is required'))
}

// autobahn-js hands over a lone positional result as the bare value, anything else as a Result.
const normalize = (r) => r instanceof autobahn.Result ? { args: r.args, kwargs: r.kwargs } : { args: r === undefined ? [] : [r], kwargs: {} }

exitOnStdinClose()
const connection = connect(opts, async (session) => {
  const options = {}
  if (opts.progress) {
    options.receive_progress = true
  }
  const done = (obj) => {
    emit(obj)
    connection.close()
    process.exit(0)
  }
  try {
    const res = await session.call(opts.procedure, json(opts, 'args', []), json(opts, 'kwargs', {}), options).then(
      (r) => r,
      (err) => { throw err },
      (progress) => emit({ progress: normalize(progress) }))
    done({ result: normalize(res) })
  } catch (err) {
    done({ error: describeError(err) })
  }
})
