# An asyncio client: non-blocking connect, send, receive.
import asyncio
import sys


async def main():
    reader, writer = await asyncio.open_connection('127.0.0.1', int(sys.argv[1]))
    writer.write(b'ping')
    await writer.drain()
    print('echo:', (await reader.read(100)).decode())
    writer.close()
    await writer.wait_closed()

asyncio.run(main())
