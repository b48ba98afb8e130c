'use strict'
// Starts a fox-wamp router on 127.0.0.1 for the interop tests, with two WebSocket listeners:
//   - "anonymous": no auth handler, every session joins as anonymous;
//   - "auth": an auth handler that checks ticket, wampcra (plain and salted) and cryptosign.
// fox-wamp refuses anonymous sessions on a listener that has an auth handler, hence two listeners.
//
// Configuration: one JSON object, from argv[2] or the CFC_INTEROP_ROUTER_CONFIG environment variable:
//   {
//     "realms": ["realm1", "com.example.dotted"],
//     "ticket": { "<authid>": "<ticket>" },
//     "wampcra": { "<authid>": { "secret": "...", "salt": "...", "iterations": 1000, "keylen": 32 } },
//     "cryptosign": { "<pubkey hex>": "<authid>" },
//     "omitNullPayload": false
//   }
// omitNullPayload drops the nulls stock fox-wamp writes in the Arguments/ArgumentsKw positions (peers such as
// autobahn-python reject them); leave it off to test a client against the router as it is.
// (wampcra without "salt" is the plain variant.) Realms are created up front: fox-wamp crashes on a HELLO for a
// dotted realm it has not seen, so every other realm is refused with ABORT wamp.error.no_such_realm.
//
// Prints one JSON line {"anonymous": <port>, "auth": <port>} on stdout once both listeners are up.
// Exits when stdin closes (the test process died or is done) or on SIGTERM/SIGINT.

const crypto = require('crypto')
const nacl = require('tweetnacl')
const Router = require('fox-wamp')
const { WampGate } = require('fox-wamp/lib/wamp/gate')
const WampServer = require('fox-wamp/lib/wamp/transport')

function readConfig () {
  const text = process.argv[2] || process.env.CFC_INTEROP_ROUTER_CONFIG || '{}'
  const config = JSON.parse(text)
  return {
    realms: config.realms && config.realms.length ? config.realms : ['realm1'],
    ticket: config.ticket || {},
    wampcra: config.wampcra || {},
    cryptosign: config.cryptosign || {},
    omitNullPayload: config.omitNullPayload === true
  }
}

// Per-session state (the challenge sent) keyed by the HELLO details object, which fox-wamp keeps per session
// and passes to both the *_extra and the *_auth hook.
const pending = new WeakMap()

function createAuthHandler (config) {
  const fail = (cb, why) => {
    process.stderr.write('auth refused: ' + why + '\n')
    cb(new Error(why))
  }

  return {
    // The router picks the first of these that the client offers.
    getAuthMethods: () => ['cryptosign', 'wampcra', 'ticket'],

    ticket_auth (realm, details, signature, extra, cb) {
      const expected = config.ticket[details.authid]
      if (typeof expected !== 'string' || signature !== expected) {
        return fail(cb, 'ticket: wrong ticket for ' + details.authid)
      }
      cb(null, { authid: details.authid })
    },

    wampcra_extra (realm, details, cb) {
      const user = config.wampcra[details.authid]
      // An unknown user still gets a challenge, so that it fails like a wrong secret does.
      const challenge = JSON.stringify({
        authid: details.authid,
        authrole: 'user',
        authmethod: 'wampcra',
        authprovider: 'interop',
        nonce: crypto.randomBytes(16).toString('base64'),
        timestamp: new Date().toISOString(),
        session: crypto.randomInt(1, 2 ** 48)
      })
      pending.set(details, challenge)
      const extra = { challenge }
      if (user && typeof user.salt === 'string') {
        extra.salt = user.salt
        extra.iterations = user.iterations || 1000
        extra.keylen = user.keylen || 32
      }
      cb(null, extra)
    },

    wampcra_auth (realm, details, signature, extra, cb) {
      const user = config.wampcra[details.authid]
      const challenge = pending.get(details)
      pending.delete(details)
      if (!user || typeof challenge !== 'string') {
        return fail(cb, 'wampcra: unknown authid ' + details.authid)
      }
      // WAMP-CRA: a salted key is the ASCII text of base64(PBKDF2-HMAC-SHA256(secret, salt, iterations, keylen)).
      const key = typeof user.salt === 'string'
        ? Buffer.from(crypto.pbkdf2Sync(user.secret, user.salt, user.iterations || 1000, user.keylen || 32, 'sha256').toString('base64'), 'ascii')
        : Buffer.from(user.secret, 'utf8')
      const expected = crypto.createHmac('sha256', key).update(challenge, 'utf8').digest('base64')
      if (signature !== expected) {
        return fail(cb, 'wampcra: wrong signature for ' + details.authid)
      }
      cb(null, { authid: details.authid })
    },

    cryptosign_extra (realm, details, cb) {
      const challenge = crypto.randomBytes(32)
      pending.set(details, challenge)
      cb(null, { challenge: challenge.toString('hex'), channel_binding: null })
    },

    cryptosign_auth (realm, details, signature, extra, cb) {
      const challenge = pending.get(details)
      pending.delete(details)
      const pubkey = details.authextra && typeof details.authextra.pubkey === 'string' ? details.authextra.pubkey.toLowerCase() : ''
      if (!Object.prototype.hasOwnProperty.call(config.cryptosign, pubkey)) {
        return fail(cb, 'cryptosign: unknown public key ' + pubkey)
      }
      const authid = config.cryptosign[pubkey]
      if (details.authid && authid && details.authid !== authid) {
        return fail(cb, 'cryptosign: key belongs to ' + authid + ', not ' + details.authid)
      }
      if (!challenge || typeof signature !== 'string' || !/^[0-9a-fA-F]{192}$/.test(signature)) {
        return fail(cb, 'cryptosign: signature must be 96 bytes of hex')
      }
      const bytes = Buffer.from(signature, 'hex')
      const sig = bytes.subarray(0, 64)
      const tail = bytes.subarray(64)
      if (!tail.equals(challenge)) {
        return fail(cb, 'cryptosign: the signed message is not the challenge')
      }
      if (!nacl.sign.detached.verify(new Uint8Array(challenge), new Uint8Array(sig), new Uint8Array(Buffer.from(pubkey, 'hex')))) {
        return fail(cb, 'cryptosign: bad signature')
      }
      if (!details.authid && authid) {
        details.authid = authid // WELCOME reports the authid the key maps to
      }
      cb(null, { authid: details.authid || authid })
    }
  }
}

// Where Arguments starts in the messages fox-wamp sends with a payload.
const ARGS_INDEX = { 8: 5, 36: 4, 50: 3, 68: 4 } // (fox-wamp leaves undefined there too, which JSON.stringify writes as null)

function omitNullPayload (msg) {
  const at = ARGS_INDEX[msg[0]]
  if (at === undefined) {
    return msg
  }
  while (msg.length > at && msg[msg.length - 1] == null) {
    msg.pop()
  }
  if (msg.length > at && msg[at] == null) {
    msg[at] = []
  }
  return msg
}

function listen (router, config, authHandler) {
  return new Promise((resolve, reject) => {
    const gate = new WampGate(router)
    if (authHandler) {
      gate.setAuthHandler(authHandler)
    }
    // Refuse realms that were not created up front instead of letting fox-wamp create (or crash on) them.
    const hello = gate.hello.bind(gate)
    gate.hello = function (ctx, session, realmName, details) {
      if (typeof realmName !== 'string' || !router.findRealm(realmName)) {
        session.realmName = realmName
        gate.sendAbort(ctx, 'wamp.error.no_such_realm')
        return
      }
      hello(ctx, session, realmName, details || {})
    }
    if (config.omitNullPayload) {
      const createContext = gate.createContext.bind(gate)
      gate.createContext = function (session, socketWriter) {
        const ctx = createContext(session, socketWriter)
        const send = ctx.wampSend.bind(ctx)
        ctx.wampSend = (msg, callback) => send(Array.isArray(msg) ? omitNullPayload(msg) : msg, callback)
        return ctx
      }
    }
    const server = new WampServer(gate, { host: '127.0.0.1', port: 0 })
    server.once('error', reject)
    server.once('listening', () => resolve(server.address().port))
  })
}

async function main () {
  const config = readConfig()
  const router = new Router()
  for (const name of config.realms) {
    await router.initRealm(name, router.createRealm(name))
  }
  const anonymous = await listen(router, config, null)
  const auth = await listen(router, config, createAuthHandler(config))
  process.stdout.write(JSON.stringify({ anonymous, auth }) + '\n')
}

const exit = () => process.exit(0)
process.on('SIGTERM', exit)
process.on('SIGINT', exit)
process.stdin.on('end', exit)
process.stdin.on('close', exit)
process.stdin.on('error', exit)
process.stdin.resume()
// fox-wamp has unguarded promise paths; log them instead of dying so one odd client cannot end a test run.
process.on('unhandledRejection', (err) => process.stderr.write('unhandled rejection: ' + (err && err.stack ? err.stack : err) + '\n'))

main().catch((err) => {
  process.stderr.write('router failed to start: ' + (err && err.stack ? err.stack : err) + '\n')
  process.exit(1)
})
