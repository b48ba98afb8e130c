'use strict'
// What every autobahn-js peer script shares: command-line options, connecting (any serializer, any auth
// method), one-JSON-object-per-line output, and exiting when stdin closes so that no peer outlives its test.
//
// Common options:
//   --url ws://127.0.0.1:PORT/ws   --realm realm1   --serializer json|msgpack|cbor (default json)
//   --authmethod anonymous|ticket|wampcra|cryptosign   --authid ID   --secret TICKET_OR_SECRET_OR_SEED_HEX

const autobahn = require('autobahn')
const nacl = require('tweetnacl')

function parseArgs (argv) {
  const opts = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('--')) {
      throw new Error('unexpected argument ' + a)
    }
    const next = argv[i + 1]
    if (next === undefined || next.startsWith('--')) {
      opts[a.slice(2)] = true
    } else {
      opts[a.slice(2)] = next
      i++
    }
  }
  return opts
}

function json (opts, name, fallback) {
  return opts[name] === undefined ? fallback : JSON.parse(opts[name])
}

function emit (obj) {
  process.stdout.write(JSON.stringify(obj) + '\n')
}

function fatal (what, err) {
  emit({ fatal: what, error: describeError(err) })
  process.exit(2)
}

function describeError (err) {
  if (err instanceof autobahn.Error) {
    return { error: err.error, args: err.args, kwargs: err.kwargs }
  }
  return { error: String(err && err.message ? err.message : err) }
}

function serializers (name) {
  switch (name || 'json') {
    case 'json': return [new autobahn.serializer.JSONSerializer()]
    case 'msgpack': return [new autobahn.serializer.MsgpackSerializer()]
    case 'cbor': return [new autobahn.serializer.CBORSerializer()]
    default: throw new Error('unknown serializer ' + name)
  }
}

function authOptions (opts) {
  const method = opts.authmethod || 'anonymous'
  switch (method) {
    case 'anonymous':
      return {}
    case 'ticket':
      return { authmethods: ['ticket'], authid: opts.authid, onchallenge: () => opts.secret }
    case 'wampcra':
      return {
        authmethods: ['wampcra'],
        authid: opts.authid,
        onchallenge: (session, m, extra) => {
          const key = extra.salt ? autobahn.auth_cra.derive_key(opts.secret, extra.salt, extra.iterations, extra.keylen) : opts.secret
          return autobahn.auth_cra.sign(key, extra.challenge)
        }
      }
    case 'cryptosign': {
      const pair = nacl.sign.keyPair.fromSeed(new Uint8Array(Buffer.from(opts.secret, 'hex')))
      return {
        authmethods: ['cryptosign'],
        authid: opts.authid,
        authextra: { pubkey: Buffer.from(pair.publicKey).toString('hex') },
        onchallenge: (session, m, extra) => autobahn.auth_cryptosign.sign_challenge(pair, extra)
      }
    }
    default:
      throw new Error('unknown authmethod ' + method)
  }
}

// Connects once (no retries: a test wants the first failure) and calls onopen(session, details).
// A refused session prints {"closed": reason, "message": ...} and exits with code 3.
function connect (opts, onopen) {
  const connection = new autobahn.Connection(Object.assign({
    url: opts.url,
    realm: opts.realm || 'realm1',
    serializers: serializers(opts.serializer),
    max_retries: 0,
    retry_if_unreachable: false
  }, authOptions(opts)))
  let opened = false
  connection.onopen = (session, details) => {
    opened = true
    Promise.resolve(onopen(session, details)).catch((err) => fatal('onopen', err))
  }
  connection.onclose = (reason, details) => {
    if (!opened) {
      emit({ closed: reason, reason: details && details.reason, message: details && details.message })
      process.exit(3)
    }
    return true
  }
  connection.open()
  return connection
}

function exitOnStdinClose () {
  const exit = () => process.exit(0)
  process.stdin.on('end', exit)
  process.stdin.on('close', exit)
  process.stdin.on('error', exit)
  process.stdin.resume()
  process.on('SIGTERM', exit)
}

module.exports = { autobahn, parseArgs, json, emit, fatal, describeError, connect, exitOnStdinClose }
