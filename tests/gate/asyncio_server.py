# An asyncio echo server: one connection, then it ends.
import asyncio
import sys


async def main():
    done = asyncio.Event()

    async def handle(reader, writer):
        data = await reader.read(100)
        writer.write(data)
        await writer.drain()
        writer.close()
        await writer.wait_closed()
        done.set()

    server = await asyncio.start_server(handle, '127.0.0.1', int(sys.argv[1]))
    async with server:
        await done.wait()

asyncio.run(main())
