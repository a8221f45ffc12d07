# socklab's call gate, Python side. socklab puts this folder first on
# PYTHONPATH for the programs it runs in its lab (never touching their files).
# For each socket method the program calls, it writes one short record before
# and one after, to /dev/null: socklab traces the program and reads the record
# from the write() itself. A record names the Python method ("sendall", not the
# four sendto() it may take), the student's own file and line (standard-library
# frames such as socketserver, asyncio, socket.py and selectors are walked past)
# and the exception the method raised; settimeout() and setblocking() are
# told too (with the value), though they make no socket system call that
# socklab holds. Any other sitecustomize still runs.
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
        return "", 0  # no student frame (a socketserver thread, the event loop)

    def clean(text):
        return text.replace("\t", " ").replace("\n", " ")

    def report(text):
        try:
            os.write(channel, text.encode("utf-8", "replace"))
        except OSError:
            pass

    def wrap(owner, attr, pyname=None):
        original = getattr(owner, attr, None)
        if original is None:
            return
        pyname = pyname or attr

        def wrapper(*args, **kwargs):
            if getattr(local, "depth", 0):
                return original(*args, **kwargs)
            file, line = where()
            report("SOCKLAB1 E\t%s\t%s\t%d\n" % (pyname, clean(file), line))
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
