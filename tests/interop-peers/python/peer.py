"""autobahn-python (asyncio) peer for the interop tests. Run with Debian's /usr/bin/python3.

One script, four modes, the same line protocol as the autobahn-js peers (one JSON object per stdout line):

  callee      registers <prefix>add2, echo, progress, fail, slow, publish (see callee.js); prints {"ready": true}
  caller      calls --procedure with --args/--kwargs; prints {"progress": ...}* then {"result": ...} or {"error": ...}
  subscriber  subscribes to --topic; prints {"ready": true} then {"event": {"args", "kwargs", "topic"}} per event
  publisher   publishes --count acknowledged events to --topic; prints {"published": n}

Connection: --url ws://... or rs://... --realm R --serializer json|msgpack|cbor
            --authmethod anonymous|ticket|wampcra|cryptosign --authid ID --secret TICKET|SECRET|SEED_HEX
A refused session prints {"closed": ..., "reason": uri, "message": ...} and exits with 3.
Binary values (bytes) are printed in the WAMP JSON form: a string "\\u0000" + base64.
The process exits when stdin closes, so it never outlives the test that started it.
"""

import argparse
import asyncio
import base64
import json
import os
import sys
import threading

import txaio

txaio.use_asyncio()

from autobahn.asyncio.wamp import ApplicationRunner, ApplicationSession  # noqa: E402
from autobahn.wamp import auth  # noqa: E402
from autobahn.wamp.exception import ApplicationError  # noqa: E402
from autobahn.wamp.serializer import CBORSerializer, JsonSerializer, MsgPackSerializer  # noqa: E402
from autobahn.wamp.types import CallOptions, CallResult, PublishOptions, RegisterOptions  # noqa: E402


def patch_asyncio_rawsocket():
    """autobahn-python 22.7's asyncio RawSocket protocol stores _transport_details but lacks the public
    transport_details property the session reads on WELCOME (AttributeError in onWelcome, session lost). The
    Twisted flavour and later autobahn releases have it; add the same one-line accessor. Wire behaviour is untouched."""
    from autobahn.asyncio.rawsocket import PrefixProtocol

    if not hasattr(PrefixProtocol, "transport_details"):
        PrefixProtocol.transport_details = property(lambda self: getattr(self, "_transport_details", None))


patch_asyncio_rawsocket()


def to_json(value):
    if isinstance(value, (bytes, bytearray)):
        return "\u0000" + base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return value


def emit(obj):
    sys.stdout.write(json.dumps(to_json(obj)) + "\n")
    sys.stdout.flush()


def describe_error(err):
    if isinstance(err, ApplicationError):
        return {"error": err.error, "args": list(err.args), "kwargs": err.kwargs or {}}
    return {"error": "{}: {}".format(type(err).__name__, err)}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["callee", "caller", "subscriber", "publisher"])
    p.add_argument("--url", required=True)
    p.add_argument("--realm", default="realm1")
    p.add_argument("--serializer", choices=["json", "msgpack", "cbor"], default="json")
    p.add_argument("--authmethod", choices=["anonymous", "ticket", "wampcra", "cryptosign"], default="anonymous")
    p.add_argument("--authid")
    p.add_argument("--secret")
    p.add_argument("--prefix", default="test.")
    p.add_argument("--procedure")
    p.add_argument("--topic")
    p.add_argument("--args", default="[]", help="JSON array")
    p.add_argument("--kwargs", default="{}", help="JSON object")
    p.add_argument("--count", type=int, default=1)
    p.add_argument("--progress", action="store_true")
    return p.parse_args(argv)


SERIALIZERS = {"json": JsonSerializer, "msgpack": MsgPackSerializer, "cbor": CBORSerializer}


class Peer(ApplicationSession):
    opts = None  # set before the runner starts

    def onConnect(self):
        o = self.opts
        if o.authmethod == "anonymous":
            self.join(self.config.realm)
            return
        authextra = None
        if o.authmethod == "cryptosign":
            from autobahn.wamp.cryptosign import CryptosignKey

            self._key = CryptosignKey.from_bytes(bytes.fromhex(o.secret))
            authextra = {"pubkey": self._key.public_key()}
        self.join(self.config.realm, authmethods=[o.authmethod], authid=o.authid, authextra=authextra)

    def onChallenge(self, challenge):
        o = self.opts
        if challenge.method == "ticket":
            return o.secret
        if challenge.method == "wampcra":
            extra = challenge.extra
            key = o.secret.encode("utf8")
            if "salt" in extra:
                key = auth.derive_key(o.secret, extra["salt"], extra.get("iterations", 1000), extra.get("keylen", 32))
            return auth.compute_wcs(key, extra["challenge"].encode("utf8")).decode("ascii")
        if challenge.method == "cryptosign":
            return self._key.sign_challenge(challenge)
        raise Exception("unexpected challenge " + challenge.method)

    def onLeave(self, details):
        if not getattr(self, "_joined", False):
            emit({"closed": "refused", "reason": details.reason, "message": details.message})
            os._exit(3)
        self.disconnect()

    async def onJoin(self, details):
        self._joined = True
        try:
            await getattr(self, "run_" + self.opts.mode)()
        except Exception as err:  # report and stop: a test reads this line
            emit({"fatal": self.opts.mode, "error": describe_error(err)})
            os._exit(2)

    async def run_callee(self):
        prefix = self.opts.prefix

        def add2(a, b):
            return a + b

        def echo(*args, **kwargs):
            return CallResult(*args, **kwargs)

        async def progress(n, details=None):
            for i in range(1, n + 1):
                if details is not None and details.progress:
                    details.progress(i)
                await asyncio.sleep(0.01)
            return "done"

        def fail():
            raise ApplicationError("com.example.error.custom", "bad", 42, reason="because", code=7)

        async def slow(ms):
            await asyncio.sleep(ms / 1000.0)
            return "late"

        async def publish(topic, args=None, kwargs=None):
            await self.publish(topic, *(args or []), options=PublishOptions(acknowledge=True), **(kwargs or {}))
            return True

        procedures = {"add2": (add2, None), "echo": (echo, None), "progress": (progress, "details"),
                      "fail": (fail, None), "slow": (slow, None), "publish": (publish, None)}
        for name, (fn, details_arg) in procedures.items():
            await self.register(self._traced(name, fn), prefix + name, options=RegisterOptions(details_arg=details_arg))
        emit({"ready": True, "session": self._session_id})

    @staticmethod
    def _traced(name, fn):
        def handler(*args, **kwargs):
            emit({"invoked": name})
            return fn(*args, **kwargs)
        return handler

    async def run_caller(self):
        o = self.opts

        def on_progress(*args, **kwargs):
            emit({"progress": {"args": list(args), "kwargs": kwargs}})

        options = CallOptions(on_progress=on_progress) if o.progress else None
        try:
            res = await self.call(o.procedure, *json.loads(o.args), options=options, **json.loads(o.kwargs))
            if isinstance(res, CallResult):
                emit({"result": {"args": list(res.results), "kwargs": res.kwresults}})
            else:
                emit({"result": {"args": [] if res is None else [res], "kwargs": {}}})
        except ApplicationError as err:
            emit({"error": describe_error(err)})
        os._exit(0)

    async def run_subscriber(self):
        from autobahn.wamp.types import SubscribeOptions

        def on_event(*args, **kwargs):
            details = kwargs.pop("details", None)
            topic = details.topic if details is not None and details.topic else self.opts.topic
            emit({"event": {"args": list(args), "kwargs": kwargs, "topic": topic}})

        await self.subscribe(on_event, self.opts.topic, options=SubscribeOptions(details_arg="details"))
        emit({"ready": True, "session": self._session_id})

    async def run_publisher(self):
        o = self.opts
        for i in range(o.count):
            args = json.loads(o.args) + ([i] if o.count > 1 else [])
            await self.publish(o.topic, *args, options=PublishOptions(acknowledge=True), **json.loads(o.kwargs))
        emit({"published": o.count})
        os._exit(0)


def exit_when_stdin_closes():
    def watch():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        finally:
            os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def main():
    opts = parse_args(sys.argv[1:])
    Peer.opts = opts
    # Logs go to stderr: stdout carries only the JSON lines a test reads. (txaio keeps the first configuration.)
    txaio.start_logging(out=sys.stderr, level="warn")
    exit_when_stdin_closes()
    runner = ApplicationRunner(opts.url, opts.realm, serializers=[SERIALIZERS[opts.serializer]()])
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        _, protocol = loop.run_until_complete(runner.run(Peer, start_loop=False))
    except OSError as err:
        emit({"closed": "unreachable", "message": str(err)})
        os._exit(4)
    # Runs until the connection ends; a peer that gets past this was dropped (or never got a session).
    loop.run_until_complete(protocol.is_closed)
    emit({"closed": "lost"})
    os._exit(4)


if __name__ == "__main__":
    main()
