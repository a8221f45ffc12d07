# socklab's call gate, Python side. socklab puts this folder first on
# PYTHONPATH for the programs it runs in its lab (never touching their files).
# For each socket method the program calls, it writes one short record before
# and one after, to /dev/null: socklab traces the program and reads the record
# from the write() itself. A record names the Python method ("sendall", not the
# four sendto() it may take), the student's own file and line (standard-library
# frames such as socketserver, asyncio, socket.py and selectors are walked past)
# and the exception the method raised; settimeout() and setblocking() are
# told too (with the value), though they make no socket system call that
# socklab holds; select.select() and the selectors' select() (socketserver,
# asyncio) are calls of their own. A method's record also tells its lengths and
# numeric address (for a socket with a timeout, whose first system call is a
# poll()). A thread without a student frame gets the line that started it.
# Any other sitecustomize still runs.
import os
import sys


def _socklab_install():
    if os.environ.get("SOCKLAB_GATE") != "1":
        return
    import functools
    import socket
    import sysconfig
    import threading

    try:
        channel = os.open("/dev/null", os.O_WRONLY | os.O_CLOEXEC)
    except OSError:
        return
    here = os.path.abspath(__file__)
    prefixes = set()
    for key in ("stdlib", "platstdlib"):
        p = sysconfig.get_paths().get(key)
        if p:
            prefixes.add(os.path.join(p, ""))
            prefixes.add(os.path.join(os.path.realpath(p), ""))
    prefixes = tuple(prefixes)
    local = threading.local()

    def where():
        f = sys._getframe(2)
        while f is not None:
            name = f.f_code.co_filename
            if name and not name.startswith("<") and name != here and not name.startswith(prefixes):
                return name, f.f_lineno
            f = f.f_back
        # No student frame in this thread (socketserver's thread closing the
        # connection after handle()): the student's line that started it.
        return getattr(threading.current_thread(), "_socklab_where", ("", 0))

    def clean(text):
        return text.replace("\t", " ").replace("\n", " ")

    def report(text):
        try:
            os.write(channel, text.encode("utf-8", "replace"))
        except OSError:
            pass

    def size(value):
        try:
            return memoryview(value).nbytes
        except TypeError:
            return -1

    def address(value):
        # (host, port) as the program wrote it; socklab keeps a numeric host only.
        if isinstance(value, tuple) and len(value) >= 2 and isinstance(value[1], int):
            return "\taddr=%s\tport=%d" % (clean(str(value[0])), value[1])
        return ""

    def arguments(attr, args, kwargs):
        # What the method was asked to do, for the call's own event when its
        # first system call is the poll() of a socket with a timeout (then the
        # tracer sees that call's arguments only after it was shown). Lengths
        # and addresses only, never data.
        try:
            if attr in ("recv", "recvfrom", "recvmsg"):
                n = args[1] if len(args) > 1 else kwargs.get("bufsize", -1)
                return "\tlength=%d" % n if isinstance(n, int) else ""
            if attr in ("recv_into", "recvfrom_into"):
                n = args[2] if len(args) > 2 else kwargs.get("nbytes", 0)
                if not n and len(args) > 1:
                    n = size(args[1])
                return "\tlength=%d" % n if isinstance(n, int) and n >= 0 else ""
            if attr in ("send", "sendall"):
                n = size(args[1]) if len(args) > 1 else -1
                return "\tlength=%d" % n if n >= 0 else ""
            if attr == "sendto" and len(args) > 2:
                n = size(args[1])
                return ("\tlength=%d" % n if n >= 0 else "") + address(args[-1])
        except Exception:
            pass
        return ""

    def wrap(owner, attr, pyname=None):
        original = getattr(owner, attr, None)
        if original is None:
            return
        pyname = pyname or attr
        method = owner is socket.socket

        def wrapper(*args, **kwargs):
            if getattr(local, "depth", 0):
                return original(*args, **kwargs)
            file, line = where()
            told = arguments(attr, args, kwargs) if method else ""
            report("SOCKLAB1 E\t%s\t%s\t%d%s\n" % (pyname, clean(file), line, told))
            local.depth = 1
            try:
                result = original(*args, **kwargs)
            except BaseException as e:
                local.depth = 0
                report("SOCKLAB1 X\t%s\t%s\n" % (pyname, type(e).__name__))
                raise
            local.depth = 0
            report("SOCKLAB1 X\t%s\t\n" % pyname)
            return result

        functools.update_wrapper(wrapper, original)
        setattr(owner, attr, wrapper)

    def wrap_setting(attr):
        # settimeout()/setblocking() make no socket system call socklab holds
        # (an ioctl(FIONBIO)); their "S" record (with the socket's fd and the
        # value) is the call socklab holds and shows.
        original = getattr(socket.socket, attr, None)
        if original is None:
            return

        def wrapper(self, *args, **kwargs):
            if getattr(local, "depth", 0):
                return original(self, *args, **kwargs)
            file, line = where()
            try:
                fd = self.fileno()
            except Exception:
                fd = -1
            value = repr(args[0]) if args else ""
            report("SOCKLAB1 S\t%s\t%s\t%d\t%d\t%s\n" % (attr, clean(file), line, fd, clean(value)))
            local.depth = 1
            try:
                result = original(self, *args, **kwargs)
            except BaseException as e:
                local.depth = 0
                report("SOCKLAB1 X\t%s\t%s\n" % (attr, type(e).__name__))
                raise
            local.depth = 0
            report("SOCKLAB1 X\t%s\t\n" % attr)
            return result

        functools.update_wrapper(wrapper, original)
        setattr(socket.socket, attr, wrapper)

    def wrap_thread_start():
        original = threading.Thread.start

        def start(self, *args, **kwargs):
            try:
                self._socklab_where = where()
            except Exception:
                pass
            return original(self, *args, **kwargs)

        functools.update_wrapper(start, original)
        threading.Thread.start = start

    wrap_thread_start()
    # socket.socket is a Python subclass of _socket.socket: its methods can be
    # replaced, and accepted sockets and "from socket import *" get them too.
    wrap(socket.socket, "__init__", "socket")
    for attr in ("bind", "listen", "accept", "connect", "connect_ex", "send", "sendall", "sendto",
                 "sendmsg", "sendfile", "recv", "recvfrom", "recv_into", "recvfrom_into", "recvmsg",
                 "shutdown", "close", "setsockopt", "getsockopt"):
        wrap(socket.socket, attr)
    wrap_setting("settimeout")
    wrap_setting("setblocking")
    wrap(socket, "create_connection")
    wrap(socket, "create_server")
    # Waiting on sockets: select.select() and the selectors (socketserver's
    # handle_request() and serve_forever(), asyncio's event loop) get the
    # student's line too, with the descriptors the tracer reads from the wait.
    import select
    import selectors
    wrap(select, "select")
    owners = []  # the classes that define select() (PollSelector's is its base's)
    for name in ("SelectSelector", "PollSelector", "EpollSelector", "DevpollSelector", "KqueueSelector"):
        for cls in getattr(getattr(selectors, name, None), "__mro__", ()):
            if "select" in cls.__dict__ and cls is not selectors.BaseSelector:
                if cls not in owners:
                    owners.append(cls)
                break
    for cls in owners:
        wrap(cls, "select")


def _socklab_chain():
    # The sitecustomize that would have run without socklab's folder in front.
    import importlib.machinery
    import importlib.util
    here = os.path.dirname(os.path.abspath(__file__))
    path = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", path)
    if spec is None or spec.loader is None:
        return
    try:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    except Exception as e:  # as site.py does for its own sitecustomize
        print("Error in sitecustomize; set PYTHONVERBOSE for traceback:\n%s: %s" % (type(e).__name__, e),
              file=sys.stderr)


_socklab_install()
_socklab_chain()
del _socklab_install, _socklab_chain
