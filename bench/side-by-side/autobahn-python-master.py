"""
The autobahn-python caller of row (d) (autobahn-python is the library of `crossbar shell`): logs in to a Crossbar.io
master node as its superuser (WAMP-cryptosign with authextra.pubkey), then calls
crossbarfabriccenter.domain.get_status: warm-up, sequential calls (median, p99), then calls with <in_flight> in
flight (calls/s and this process's CPU per call). Run it with Debian's /usr/bin/python3.
usage: autobahn-python-master.py URL KEYFILE REALM WARMUP SEQUENTIAL LOADED IN_FLIGHT
prints one JSON line: {"medianUs","p99Us","perSecond","cpuUsPerOp"}
"""
import asyncio
import binascii
import json
import math
import sys
import time

import txaio
txaio.use_asyncio()

from autobahn.asyncio.wamp import ApplicationSession  # noqa: E402
from autobahn.asyncio.websocket import WampWebSocketClientFactory  # noqa: E402
from autobahn.wamp.cryptosign import CryptosignKey  # noqa: E402
from autobahn.wamp.serializer import JsonSerializer  # noqa: E402
from autobahn.wamp.types import ComponentConfig  # noqa: E402
from autobahn.util import parse_keyfile  # noqa: E402

PROCEDURE = 'crossbarfabriccenter.domain.get_status'


class Caller(ApplicationSession):
    def onConnect(self):
        key = self.config.extra['key']
        self.join(self.config.realm, authmethods=['cryptosign'], authid='superuser',
                  authextra={'pubkey': key.public_key()})

    def onChallenge(self, challenge):
        return self.config.extra['key'].sign_challenge(challenge)

    def onJoin(self, details):
        self.config.extra['joined'].set_result(self)

    def onLeave(self, details):
        joined = self.config.extra['joined']
        if not joined.done():
            joined.set_exception(RuntimeError('join refused: %s %s' % (details.reason, details.message)))
        self.disconnect()


async def main():
    url, keyfile, realm = sys.argv[1:4]
    warmup, sequential, loaded, in_flight = (int(a) for a in sys.argv[4:8])
    loop = asyncio.get_event_loop()
    key = CryptosignKey.from_bytes(binascii.a2b_hex(parse_keyfile(keyfile)['private-key-ed25519']))
    joined = loop.create_future()
    config = ComponentConfig(realm=realm, extra={'key': key, 'joined': joined})
    factory = WampWebSocketClientFactory(lambda: Caller(config), url=url, serializers=[JsonSerializer()])
    host, port = url.split('//')[1].split('/')[0].split(':')
    await loop.create_connection(factory, host, int(port))
    session = await asyncio.wait_for(joined, 30)

    for _ in range(warmup):
        await session.call(PROCEDURE)
    micros = []
    for _ in range(sequential):
        start = time.perf_counter()
        await session.call(PROCEDURE)
        micros.append((time.perf_counter() - start) * 1e6)
    micros.sort()

    remaining = [loaded]

    async def worker():
        while remaining[0] > 0:
            remaining[0] -= 1
            await session.call(PROCEDURE)

    cpu = time.process_time()
    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(min(in_flight, loaded))))
    seconds = time.perf_counter() - start
    used = time.process_time() - cpu

    n = len(micros)
    median = micros[n // 2] if n % 2 else (micros[n // 2 - 1] + micros[n // 2]) / 2
    p99 = micros[math.ceil(n * 0.99) - 1]
    print(json.dumps({'medianUs': median, 'p99Us': p99, 'perSecond': loaded / seconds, 'cpuUsPerOp': used * 1e6 / loaded}))
    sys.stdout.flush()
    session.leave()
    await asyncio.sleep(0.1)


if __name__ == '__main__':
    asyncio.get_event_loop().run_until_complete(main())
