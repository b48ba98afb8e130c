'use strict'
// Checks the peers without the .NET side: starts router.js, then drives callee/caller/subscriber/publisher and
// raw autobahn-js sessions for every auth method against it. Run: npm test (or node selftest.js).
const { spawn } = require('child_process')
const path = require('path')
const readline = require('readline')
const assert = require('assert')

const SEED = '4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510' // cryptosign vector #1
const PUBKEY = '1adfc8bfe1d35616e64dffbd900096f23b066f914c8c2ffbb66f6075b96e116d'
const OTHER_SEED = 'd511fe78e23934b3dadb52fcd022974b80bd92bccc7c5cf404e46cc0a8a2f5cd' // vector #2, not configured
const config = {
  realms: ['realm1', 'com.example.dotted'],
  ticket: { alice: 'alice-ticket' },
  wampcra: {
    peter: { secret: 'secret1' },
    salty: { secret: 'L3L1YUE8Txlw', salt: 'salt123', iterations: 1000, keylen: 32 }
  },
  cryptosign: { [PUBKEY]: 'carol' }
}

const children = []
function start (script, args) {
  const child = spawn(process.execPath, [path.join(__dirname, script), ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
  children.push(child)
  const lines = []
  const waiters = []
  let stderr = ''
  child.stderr.on('data', (d) => { stderr += d })
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(JSON.parse(line))
    waiters.splice(0).forEach((w) => w())
  })
  child.next = (ms = 10000) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(script + ' ' + args.join(' ') + ': no output within ' + ms + ' ms; stderr: ' + stderr)), ms)
    const check = () => {
      if (lines.length) {
        clearTimeout(timer)
        resolve(lines.shift())
      } else {
        waiters.push(check)
      }
    }
    check()
  })
  return child
}

// A joined session can call the router's meta API.
const ok = (r) => assert.ok(r.result && typeof r.result.args[0] === 'number', JSON.stringify(r))

async function main () {
  const router = start('router.js', [JSON.stringify(config)])
  const ports = await router.next()
  const anon = 'ws://127.0.0.1:' + ports.anonymous + '/ws'
  const auth = 'ws://127.0.0.1:' + ports.auth + '/ws'
  const check = async (name, fn) => {
    await fn()
    console.log('ok   ' + name)
  }
  const call = (args) => start('caller.js', ['--url', anon, ...args]).next()

  const callee = start('callee.js', ['--url', anon, '--prefix', 'st.'])
  assert.strictEqual((await callee.next()).ready, true)

  await check('call add2', async () => assert.deepStrictEqual(await call(['--procedure', 'st.add2', '--args', '[2,3]']), { result: { args: [5], kwargs: {} } }))
  await check('call echo', async () => assert.deepStrictEqual(
    await call(['--procedure', 'st.echo', '--args', '["x",1,{"a":[1,2]}]', '--kwargs', '{"k":{"n":null}}']),
    { result: { args: ['x', 1, { a: [1, 2] }], kwargs: { k: { n: null } } } }))
  await check('call fail (fox-wamp rewrites the URI)', async () => {
    const r = await call(['--procedure', 'st.fail'])
    console.log('     ' + JSON.stringify(r))
    assert.strictEqual(r.error.error, 'wamp.error.callee_failure')
  })
  await check('call progress', async () => {
    const c = start('caller.js', ['--url', anon, '--procedure', 'st.progress', '--args', '[3]', '--progress'])
    const got = [await c.next(), await c.next(), await c.next(), await c.next()]
    assert.deepStrictEqual(got.slice(0, 3).map((x) => x.progress.args), [[1], [2], [3]])
    assert.deepStrictEqual(got[3].result.args, ['done'])
  })
  await check('call unknown procedure', async () => {
    const r = await call(['--procedure', 'st.nope'])
    console.log('     ' + JSON.stringify(r))
    assert.ok(r.error)
  })
  await check('publish -> subscribe', async () => {
    const sub = start('subscriber.js', ['--url', anon, '--topic', 'st.topic'])
    assert.strictEqual((await sub.next()).ready, true)
    const pub = start('publisher.js', ['--url', anon, '--topic', 'st.topic', '--args', '["hi"]', '--kwargs', '{"n":1}', '--count', '2'])
    assert.deepStrictEqual(await pub.next(), { published: 2 })
    assert.deepStrictEqual((await sub.next()).event.args, ['hi', 0])
    assert.deepStrictEqual((await sub.next()).event, { args: ['hi', 1], kwargs: { n: 1 }, topic: 'st.topic' })
  })
  await check('callee publishes on request', async () => {
    const sub = start('subscriber.js', ['--url', anon, '--topic', 'st.topic2'])
    await sub.next()
    assert.deepStrictEqual(await call(['--procedure', 'st.publish', '--args', '["st.topic2",[7],{"z":true}]']), { result: { args: [true], kwargs: {} } })
    assert.deepStrictEqual((await sub.next()).event, { args: [7], kwargs: { z: true }, topic: 'st.topic2' })
  })
  await check('dotted realm', async () => ok(await start('caller.js', ['--url', anon, '--realm', 'com.example.dotted', '--procedure', 'wamp.session.count']).next()))
  await check('unknown realm refused', async () => {
    const r = await start('caller.js', ['--url', anon, '--realm', 'com.example.unknown', '--procedure', 'x']).next()
    assert.strictEqual(r.reason, 'wamp.error.no_such_realm')
  })

  const authCall = (args) => start('caller.js', ['--url', auth, '--procedure', 'wamp.session.count', ...args]).next()
  await check('ticket', async () => ok(await authCall(['--authmethod', 'ticket', '--authid', 'alice', '--secret', 'alice-ticket'])))
  await check('wampcra plain', async () => ok(await authCall(['--authmethod', 'wampcra', '--authid', 'peter', '--secret', 'secret1'])))
  await check('wampcra salted', async () => ok(await authCall(['--authmethod', 'wampcra', '--authid', 'salty', '--secret', 'L3L1YUE8Txlw'])))
  await check('cryptosign', async () => ok(await authCall(['--authmethod', 'cryptosign', '--secret', SEED])))
  await check('cryptosign with authid', async () => ok(await authCall(['--authmethod', 'cryptosign', '--authid', 'carol', '--secret', SEED])))
  const refused = (r) => assert.strictEqual(r.reason, 'wamp.error.authentication_failed', JSON.stringify(r))
  await check('wrong ticket refused', async () => refused(await authCall(['--authmethod', 'ticket', '--authid', 'alice', '--secret', 'nope'])))
  await check('wrong wampcra secret refused', async () => refused(await authCall(['--authmethod', 'wampcra', '--authid', 'peter', '--secret', 'nope'])))
  await check('wrong salted secret refused', async () => refused(await authCall(['--authmethod', 'wampcra', '--authid', 'salty', '--secret', 'nope'])))
  await check('unknown cryptosign key refused', async () => refused(await authCall(['--authmethod', 'cryptosign', '--secret', OTHER_SEED])))
  await check('cryptosign authid mismatch refused', async () => refused(await authCall(['--authmethod', 'cryptosign', '--authid', 'mallory', '--secret', SEED])))
  await check('anonymous refused on the auth listener', async () => {
    const r = await authCall([])
    assert.strictEqual(r.reason, 'wamp.error.no_auth_method', JSON.stringify(r))
  })
}

const timer = setTimeout(() => { console.error('selftest: overall timeout'); finish(1) }, 60000)
function finish (code) {
  clearTimeout(timer)
  children.forEach((c) => c.kill())
  process.exit(code)
}
main().then(() => { console.log('selftest passed'); finish(0) }, (err) => { console.error(err); finish(1) })
