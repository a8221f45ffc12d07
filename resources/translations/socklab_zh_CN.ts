<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BacklogView</name>
    <message>
        <source>%1 :%2 closed</source>
        <translation>%1 :%2 已关闭</translation>
    </message>
    <message>
        <source>listening socket closed: the connections that waited were reset</source>
        <translation>监听套接字已关闭：队列中等待的连接都被重置</translation>
    </message>
    <message>
        <source>No listening socket in this run.</source>
        <translation>这次运行中没有监听套接字。</translation>
    </message>
    <message>
        <source>listen(%1): the accept queue holds %2 finished connections (Linux allows backlog + 1)</source>
        <translation>listen(%1)：监听队列可容纳 %2 个已建立的连接（Linux 允许 backlog + 1 个）</translation>
    </message>
    <message>
        <source>The accept queue appears once the server calls listen().</source>
        <translation>服务端调用 listen() 之后才会出现监听队列。</translation>
    </message>
    <message>
        <source>%1 :%2 LISTEN</source>
        <translation>%1 :%2 LISTEN</translation>
    </message>
    <message>
        <source>never calls accept()</source>
        <translation>从不调用 accept()</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>ESTABLISHED, waiting</source>
        <translation>ESTABLISHED，等待中</translation>
    </message>
    <message>
        <source>free slot</source>
        <translation>空位</translation>
    </message>
    <message>
        <source>accept queue %1 / %2: full — new SYNs are dropped silently</source>
        <translation>监听队列 %1 / %2：已满——新的 SYN 被悄悄丢弃</translation>
    </message>
    <message>
        <source>accept queue %1 / %2</source>
        <translation>监听队列 %1 / %2</translation>
    </message>
    <message>
        <source>SYNs to port %1 — answered with SYN+ACK (green) or dropped (red) and sent again by the client&apos;s kernel</source>
        <translation>发往端口 %1 的 SYN——被回复 SYN+ACK（绿色），或被丢弃（红色）后由客户端内核重发</translation>
    </message>
    <message>
        <source>No SYN yet.</source>
        <translation>还没有 SYN。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>SYN → SYN+ACK</source>
        <translation>SYN → SYN+ACK</translation>
    </message>
    <message>
        <source>SYN dropped</source>
        <translation>SYN 被丢弃</translation>
    </message>
    <message>
        <source>+%1 s</source>
        <translation>+%1 秒</translation>
    </message>
    <message>
        <source>accept() takes the oldest</source>
        <translation>accept() 取走最早的连接</translation>
    </message>
</context>
<context>
    <name>BuffersView</name>
    <message>
        <source>≈ %1 B of %2 B (from the segments)</source>
        <translation>≈ %1 / %2 字节（由报文段推算）</translation>
    </message>
    <message>
        <source>%1 :%2</source>
        <translation>%1 :%2</translation>
    </message>
    <message>
        <source>(program)</source>
        <translation>（程序）</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>尚未测量</translation>
    </message>
    <message>
        <source>%1 B of %2 B</source>
        <translation>%1 / %2 字节</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>No connection yet: each connected socket gets a send buffer and a receive buffer.</source>
        <translation>还没有连接：每个连接套接字都有一个发送缓冲区和一个接收缓冲区。</translation>
    </message>
    <message>
        <source>send() only copies into the send buffer; recv() only takes from the receive buffer</source>
        <translation>send() 只是把数据复制进发送缓冲区；recv() 只是从接收缓冲区取数据</translation>
    </message>
    <message>
        <source>program → send buffer → network → receive buffer → program; the kernels move the bytes</source>
        <translation>程序 → 发送缓冲区 → 网络 → 接收缓冲区 → 程序；字节由内核负责搬运</translation>
    </message>
    <message>
        <source>%1 send buffer (SO_SNDBUF)</source>
        <translation>%1 发送缓冲区（SO_SNDBUF）</translation>
    </message>
    <message>
        <source>%1 B sent, not yet acknowledged · %2 B not yet sent</source>
        <translation>%1 字节已发送未确认 · %2 字节尚未发送</translation>
    </message>
    <message>
        <source>%1 receive buffer (SO_RCVBUF)</source>
        <translation>%1 接收缓冲区（SO_RCVBUF）</translation>
    </message>
    <message>
        <source>%1 B taken by recv() so far</source>
        <translation>recv() 目前已取走 %1 字节</translation>
    </message>
    <message>
        <source>window 0: stop!</source>
        <translation>窗口为 0：停！</translation>
    </message>
    <message>
        <source>window %1 B</source>
        <translation>窗口 %1 字节</translation>
    </message>
    <message>
        <source>no ACK yet</source>
        <translation>还没有 ACK</translation>
    </message>
    <message>
        <source>advertised by %1</source>
        <translation>由 %1 通告</translation>
    </message>
    <message numerus="yes">
        <source>%n zero-window probe(s)</source>
        <translation>
            <numerusform>%n 次零窗口探测</numerusform>
        </translation>
    </message>
    <message>
        <source>at %1 s</source>
        <translation>于 %1 秒</translation>
    </message>
    <message>
        <source>send() blocked — send buffer full</source>
        <translation>send() 阻塞——发送缓冲区已满</translation>
    </message>
    <message>
        <source>send #%1: %2 of %3 B copied</source>
        <translation>第 %1 次 send：已复制 %2 / %3 字节</translation>
    </message>
    <message>
        <source>send #%1: %2 B, still copying</source>
        <translation>第 %1 次 send：%2 字节，仍在复制</translation>
    </message>
    <message>
        <source>hatched: not yet sent</source>
        <translation>斜线部分：尚未发送</translation>
    </message>
</context>
<context>
    <name>ByteStreamView</name>
    <message>
        <source>No bytes sent yet.</source>
        <translation>还没有发送任何字节。</translation>
    </message>
    <message>
        <source>#%1: %2 B</source>
        <translation>#%1：%2 字节</translation>
    </message>
    <message>
        <source>byte stream</source>
        <translation>字节流</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>%1 (%2 B)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message numerus="yes">
        <source>The receiver&apos;s parser recovered %n message(s), whatever each recv() returned.</source>
        <translation>
            <numerusform>无论每次 recv() 返回什么，接收方的解析器都还原出了 %n 条消息。</numerusform>
        </translation>
    </message>
    <message>
        <source>Boundaries lost: one recv() returned the bytes of several send() calls (sticky packets).</source>
        <translation>消息边界丢失：一次 recv() 返回了多次 send() 的数据（粘包）。</translation>
    </message>
    <message>
        <source>%1 %2()</source>
        <translation>%1 %2()</translation>
    </message>
    <message>
        <source>%1 #%2: %3 B from %4 %5() calls</source>
        <translation>第 %2 次 %1：%3 字节，来自 %4 次 %5() 调用</translation>
    </message>
    <message>
        <source>%1 #%2: %3 B</source>
        <translation>第 %2 次 %1：%3 字节</translation>
    </message>
</context>
<context>
    <name>CallLines</name>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>fds %1</source>
        <translation>描述符 %1</translation>
    </message>
    <message>
        <source>→ error %1</source>
        <translation>→ 错误 %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>阻塞</translation>
    </message>
</context>
<context>
    <name>Captions</name>
    <message>
        <source>ConnectionRefusedError: nobody listens on that port</source>
        <translation>ConnectionRefusedError：该端口上没有人在监听</translation>
    </message>
    <message>
        <source>BrokenPipeError: the connection is already closed</source>
        <translation>BrokenPipeError：连接已经关闭</translation>
    </message>
    <message>
        <source>ConnectionResetError: the peer reset the connection</source>
        <translation>ConnectionResetError：对方重置了连接</translation>
    </message>
    <message>
        <source>OSError: the address is already in use</source>
        <translation>OSError：地址已被占用</translation>
    </message>
    <message>
        <source>The %1 calls %2: it fails with %3 (%4).</source>
        <translation>%1 调用 %2：失败，错误为 %3（%4）。</translation>
    </message>
    <message>
        <source>The %1 calls %2: it returns %3.</source>
        <translation>%1 调用 %2：返回 %3。</translation>
    </message>
    <message>
        <source>The %1 calls %2: it blocks, waiting in the kernel.</source>
        <translation>%1 调用 %2：调用阻塞，在内核中等待。</translation>
    </message>
    <message>
        <source>The %1 calls %2.</source>
        <translation>%1 调用 %2。</translation>
    </message>
    <message>
        <source>The server creates a stream socket (SOCK_STREAM): socket() returns descriptor %1. Nothing goes on the wire yet — a new socket is just a kernel object in state CLOSED.</source>
        <translation>服务端创建一个流式套接字（SOCK_STREAM）：socket() 返回描述符 %1。此时网络上还没有任何报文——新的套接字只是内核里的一个对象，状态为 CLOSED。</translation>
    </message>
    <message>
        <source>The client creates its own socket: descriptor %1. Its port is not chosen yet; the kernel picks a free one when it connects.</source>
        <translation>客户端创建自己的套接字：描述符 %1。它的端口还没有确定；连接时内核会自动挑选一个空闲端口。</translation>
    </message>
    <message>
        <source>bind() gives the server&apos;s socket its address 127.0.0.1 and port, so clients know where to find it. It returns %1; still no packet is sent.</source>
        <translation>bind() 给服务端套接字绑定地址 127.0.0.1 和端口，这样客户端才知道去哪里找它。它返回 %1；仍然没有发送任何报文。</translation>
    </message>
    <message>
        <source>listen() turns the socket into a listening socket: the kernel moves it to LISTEN and will now answer SYNs by itself, queueing finished connections (backlog %1) until accept() takes them.</source>
        <translation>listen() 把套接字变成监听套接字：内核把它置为 LISTEN 状态，此后由内核自己应答 SYN，把建立好的连接放进监听队列（backlog %1），等待 accept() 取走。</translation>
    </message>
    <message>
        <source>The server calls accept(). No connection is waiting in the queue, so accept() blocks: the server&apos;s thread sleeps in the kernel until a client completes the handshake.</source>
        <translation>服务端调用 accept()。队列里没有等待的连接，所以 accept() 阻塞：服务端线程在内核中睡眠，直到有客户端完成握手。</translation>
    </message>
    <message>
        <source>accept() takes a finished connection from the queue and returns a new connected socket (descriptor %1) for client %2.</source>
        <translation>accept() 从队列中取出一个已建立的连接，为客户端 %2 返回一个新的连接套接字（描述符 %1）。</translation>
    </message>
    <message>
        <source>The client calls connect(): its kernel sends SYN (seq=%1, ISN %2); the server&apos;s kernel answers SYN,ACK ack=%3; the client&apos;s kernel sends ACK ack=%4 — connect() returns %5 once the handshake is complete.</source>
        <translation>客户端调用 connect()：它的内核发出 SYN（seq=%1，初始序列号 %2）；服务端内核回复 SYN,ACK ack=%3；客户端内核再发出 ACK ack=%4——三次握手完成后 connect() 返回 %5。</translation>
    </message>
    <message>
        <source>The server&apos;s program took no part: the kernel did the handshake, and the blocked accept() now returns.</source>
        <translation>服务端程序并没有参与：三次握手由内核完成，原本阻塞的 accept() 现在返回了。</translation>
    </message>
    <message>
        <source>The client calls connect() to a port where nobody listens. Its kernel sends SYN; the kernel on the other side answers RST (%1), so connect() fails with %2 — %3.</source>
        <translation>客户端向一个没有人监听的端口调用 connect()。它的内核发出 SYN；对端内核回复 RST（%1），于是 connect() 失败，错误为 %2——%3。</translation>
    </message>
    <message>
        <source>The client calls send(%1): the bytes are copied into its send buffer and send() returns %2 at once; the kernel then carries them in a segment (%3) and the peer&apos;s kernel acknowledges them.</source>
        <translation>客户端调用 send(%1)：数据被复制进它的发送缓冲区，send() 立即返回 %2；随后内核用一个报文（%3）把数据送出，对方内核予以确认。</translation>
    </message>
    <message>
        <source>The server answers with send(): %1 bytes go into its send buffer and out in a segment (%2).</source>
        <translation>服务端用 send() 回复：%1 字节进入它的发送缓冲区，并通过一个报文（%2）发出。</translation>
    </message>
    <message>
        <source>The %1 calls recv(1024): the bytes were already waiting in its receive buffer, so recv() returns at once with %2 bytes: %3.</source>
        <translation>%1 调用 recv(1024)：数据早已在它的接收缓冲区里等着，所以 recv() 立即返回 %2 字节：%3。</translation>
    </message>
    <message>
        <source>The server calls recv(): it returns b&apos;&apos; at once — the peer has closed.</source>
        <translation>服务端调用 recv()：立即返回 b&apos;&apos;——对方已经关闭了连接。</translation>
    </message>
    <message>
        <source>The server calls recv() again. Its receive buffer is empty, so recv() blocks until data or the peer&apos;s FIN arrives.</source>
        <translation>服务端再次调用 recv()。它的接收缓冲区是空的，所以 recv() 阻塞，直到有数据或对方的 FIN 到达。</translation>
    </message>
    <message>
        <source>The client calls close(): its kernel sends FIN (%1). The server&apos;s kernel acknowledges it and the server&apos;s blocked recv() returns b&apos;&apos; — the empty result means &quot;the peer closed&quot;. The client waits in FIN_WAIT_2 for the server&apos;s FIN.</source>
        <translation>客户端调用 close()：它的内核发出 FIN（%1）。服务端内核确认了它，服务端阻塞中的 recv() 返回 b&apos;&apos;——空结果表示“对方已关闭”。客户端在 FIN_WAIT_2 状态等待服务端的 FIN。</translation>
    </message>
    <message>
        <source>The server calls close(): its kernel sends its own FIN and the client&apos;s kernel answers ACK (%1). The client keeps the connection in TIME_WAIT for %2 s so that a lost last ACK can be repeated.</source>
        <translation>服务端调用 close()：它的内核发出自己的 FIN，客户端内核回复 ACK（%1）。客户端让连接在 TIME_WAIT 状态保持 %2 秒，以便最后一个 ACK 丢失时可以重发。</translation>
    </message>
    <message>
        <source>The server closed quickly, so its delayed ACK rode on its FIN: 3 segments appear instead of 4.</source>
        <translation>服务端关闭得很快，它延迟的 ACK 搭在了自己的 FIN 上：于是只出现 3 个报文，而不是 4 个。</translation>
    </message>
    <message>
        <source>The server closes its listening socket: no segment is sent, the port stops accepting connections.</source>
        <translation>服务端关闭监听套接字：不发送任何报文，该端口不再接受新连接。</translation>
    </message>
    <message>
        <source>The server closes its connected socket: its kernel sends FIN (%1). The client is not told at once — it only learns when it next uses the socket.</source>
        <translation>服务端关闭连接套接字：它的内核发出 FIN（%1）。客户端并不会立刻得知——只有下次使用这个套接字时才会发现。</translation>
    </message>
    <message>
        <source>The client sends anyway: send() returns %1 because the bytes only had to reach its own send buffer. The server&apos;s kernel has no socket to give them to and answers RST (%2).</source>
        <translation>客户端照样发送：send() 返回 %1，因为数据只需要进入自己的发送缓冲区。服务端内核已没有套接字可以接收这些数据，于是回复 RST（%2）。</translation>
    </message>
    <message>
        <source>The client sends again. The RST has already closed the connection, so this send() fails with %1 — %2.</source>
        <translation>客户端再次发送。RST 已经关闭了连接，所以这次 send() 失败，错误为 %1——%2。</translation>
    </message>
    <message>
        <source>recv() on the closed connection returns %1 bytes.</source>
        <translation>在已关闭的连接上 recv() 返回 %1 字节。</translation>
    </message>
    <message>
        <source>recv() on the reset connection fails with %1 — %2.</source>
        <translation>在已被重置的连接上 recv() 失败，错误为 %1——%2。</translation>
    </message>
    <message>
        <source>The server closes its socket while %1 unread bytes sit in its receive buffer. Data would be lost silently, so the kernel sends RST instead of FIN (%2).</source>
        <translation>服务端关闭套接字时，接收缓冲区里还有 %1 字节没有读取。为了不让数据悄无声息地丢失，内核发出 RST 而不是 FIN（%2）。</translation>
    </message>
    <message>
        <source>The client calls recv(): the RST has already torn the connection down, so recv() fails with %1 — %2.</source>
        <translation>客户端调用 recv()：RST 已经拆除了连接，所以 recv() 失败，错误为 %1——%2。</translation>
    </message>
    <message>
        <source>%1 calls %2%3()</source>
        <translation>%1 调用 %2%3()</translation>
    </message>
    <message>
        <source>%1: %2() blocks</source>
        <translation>%1：%2() 阻塞</translation>
    </message>
    <message>
        <source>%1: %2() fails with %3</source>
        <translation>%1：%2() 失败，错误为 %3</translation>
    </message>
    <message>
        <source>%1: %2() returns %3</source>
        <translation>%1：%2() 返回 %3</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2：%3</translation>
    </message>
    <message>
        <source>(derived)</source>
        <translation>（推导）</translation>
    </message>
    <message>
        <source>derived from the segments</source>
        <translation>由报文推导</translation>
    </message>
    <message>
        <source>reported by the kernel</source>
        <translation>由内核报告</translation>
    </message>
    <message>
        <source>%1 %2 is now %3 (%4)</source>
        <translation>%1 %2 现在为 %3（%4）</translation>
    </message>
    <message>
        <source>%1: %2 connection(s) wait for accept() (backlog %3)</source>
        <translation>%1：%2 个连接等待 accept()（backlog %3）</translation>
    </message>
    <message>
        <source>%1 %2: %3 B unread, %4 B not yet acknowledged</source>
        <translation>%1 %2：%3 字节未读，%4 字节尚未确认</translation>
    </message>
    <message>
        <source>%1 %2: %3 timer, %4 ms left</source>
        <translation>%1 %2：%3 计时器，剩余 %4 毫秒</translation>
    </message>
    <message>
        <source>Step %1: %2 calls %3()</source>
        <translation>第 %1 步：%2 调用 %3()</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>%1 — then %2.</source>
        <translation>%1——随后 %2。</translation>
    </message>
    <message>
        <source>Next: %1. Step (→) runs it and shows all it causes.</source>
        <translation>下一步：%1。按 单步（→）执行它，并显示它引起的一切。</translation>
    </message>
    <message>
        <source>Event by event: %1. Step (→) shows the rest of this call.</source>
        <translation>逐个事件：%1。按 单步（→）显示这次调用的其余部分。</translation>
    </message>
    <message>
        <source>the wire holds %2 from %1</source>
        <translation>线路扣住了 %1 发出的 %2</translation>
    </message>
    <message>
        <source>the wire releases %2 from %1 after %3 s</source>
        <translation>线路在 %3 秒后放行了 %1 发出的 %2</translation>
    </message>
    <message>
        <source>the wire drops %2 from %1</source>
        <translation>线路丢弃了 %1 发出的 %2</translation>
    </message>
    <message>
        <source>the wire delays %2 from %1 by %3 ms</source>
        <translation>线路把 %1 发出的 %2 延迟了 %3 毫秒</translation>
    </message>
    <message>
        <source>the wire duplicates %2 from %1</source>
        <translation>线路复制了 %1 发出的 %2</translation>
    </message>
    <message>
        <source>the wire sends %2 from %1 out of order</source>
        <translation>线路打乱顺序发出 %1 的 %2</translation>
    </message>
    <message>
        <source>%2 from %1 passes the wire</source>
        <translation>%1 发出的 %2 通过了线路</translation>
    </message>
    <message>
        <source>(the wire delayed it %1 ms)</source>
        <translation>（线路把它延迟了 %1 毫秒）</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>list takes no arguments (got &quot;%1&quot;)</source>
        <translation>list 不接受参数（收到了“%1”）</translation>
    </message>
    <message>
        <source>--pcap needs a file name</source>
        <translation>--pcap 需要一个文件名</translation>
    </message>
    <message>
        <source>--capture needs namespace, host or states-only</source>
        <translation>--capture 需要 namespace、host 或 states-only</translation>
    </message>
    <message>
        <source>--set needs NAME=VALUE</source>
        <translation>--set 需要 名称=值</translation>
    </message>
    <message>
        <source>unknown option for run: %1</source>
        <translation>run 没有这个选项：%1</translation>
    </message>
    <message>
        <source>run takes one scenario id (got &quot;%1&quot; and &quot;%2&quot;)</source>
        <translation>run 只接受一个场景 ID（收到了“%1”和“%2”）</translation>
    </message>
    <message>
        <source>run needs a scenario id (see: socklab list)</source>
        <translation>run 需要一个场景 ID（见：socklab list）</translation>
    </message>
    <message>
        <source>--lang needs en or zh_CN</source>
        <translation>--lang 需要 en 或 zh_CN</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot; (en or zh_CN)</source>
        <translation>未知的语言“%1”（可用 en 或 zh_CN）</translation>
    </message>
    <message>
        <source>unknown option: %1</source>
        <translation>未知的选项：%1</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>未知的命令“%1”</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (list, run, export, lab, replay, doctor)</source>
        <translation>未知的命令“%1”（可用 list、run、export、lab、replay、doctor）</translation>
    </message>
    <message>
        <source>usage:
  socklab [--lang en|zh_CN] [--presenter] [FILE]   open the window (and a saved session)
  socklab list [--lang L]                          the scenarios: ID&lt;TAB&gt;title
  socklab run ID [--json] [--payload N|all] [--pcap FILE] [--save FILE] [--lang L]  run a scenario on real sockets
  socklab export ID --out FILE.png|.svg|.pdf [--step N | --all] [--view V]
                 [--lang L] [--presenter] [--size WxH]
  socklab lab [--json] [--payload N|all] [--pcap FILE] [--save FILE] [--timeout S] [--no-gate]
              [--wire loss=30%,delay=50ms,jitter=10ms,mtu=1500,rate=1mbit,seed=N] -- COMMAND [ARG...] [--- COMMAND ...]
  socklab lab --attach [ADDR:]PORT [--timeout S] [--json] [--pcap FILE]  watch a host loopback port
  socklab replay FILE [--json] [--payload N|all] [--lang L]  print a saved session, no sockets
  socklab doctor [--capture MODE]                  which capture mode works here, and how to fix the rest
  socklab --version                                the version
</source>
        <translation>用法：
  socklab [--lang en|zh_CN] [--presenter] [FILE]   打开窗口（以及一个保存的会话）
  socklab list [--lang L]                          列出场景：ID&lt;TAB&gt;标题
  socklab run ID [--json] [--payload N|all] [--pcap FILE] [--save FILE] [--lang L]  在真实套接字上运行一个场景
  socklab export ID --out FILE.png|.svg|.pdf [--step N | --all] [--view V]
                 [--lang L] [--presenter] [--size WxH]
  socklab lab [--json] [--payload N|all] [--pcap FILE] [--save FILE] [--timeout S] [--no-gate]
              [--wire loss=30%,delay=50ms,jitter=10ms,mtu=1500,rate=1mbit,seed=N] -- COMMAND [ARG...] [--- COMMAND ...]
  socklab lab --attach [ADDR:]PORT [--timeout S] [--json] [--pcap FILE]  观察主机回环上的一个端口
  socklab replay FILE [--json] [--payload N|all] [--lang L]  打印一个保存的会话（不打开套接字）
  socklab doctor [--capture MODE]                  这台机器上可用的捕获模式，以及其余问题的修复方法
  socklab --version                                版本
</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>capture mode: namespace (a private network namespace; its packets are captured, no root needed)</source>
        <translation>抓包模式：namespace（私有网络命名空间；抓取其中的报文，无需 root）</translation>
    </message>
    <message>
        <source>capture mode: host (the host&apos;s loopback, with capture permission; other programs&apos; traffic on it is visible)</source>
        <translation>抓包模式：host（主机的回环接口，有抓包权限；其他程序在上面的流量也看得见）</translation>
    </message>
    <message>
        <source>capture mode: states-only (no packets are captured: states come from the kernel, segments are derived and marked so)</source>
        <translation>抓包模式：states-only（不抓报文：状态来自内核，报文是推导出来的并标明）</translation>
    </message>
    <message>
        <source>because SOCKLAB_CAPTURE or --capture asks for it</source>
        <translation>原因：SOCKLAB_CAPTURE 或 --capture 指定了它</translation>
    </message>
    <message>
        <source>because this system lets socklab make a private lab of its own</source>
        <translation>原因：本系统允许 socklab 建立自己的私有实验室</translation>
    </message>
    <message>
        <source>because no private lab can be made here, but socklab may capture on the host&apos;s loopback</source>
        <translation>原因：这里无法建立私有实验室，但 socklab 可以在主机回环接口上抓包</translation>
    </message>
    <message>
        <source>because neither a private lab nor capture on the host&apos;s loopback is possible here (see the checks that failed)</source>
        <translation>原因：这里既不能建立私有实验室，也不能在主机回环接口上抓包（见下面失败的检查）</translation>
    </message>
    <message>
        <source>user namespaces</source>
        <translation>用户命名空间</translation>
    </message>
    <message>
        <source>AppArmor</source>
        <translation>AppArmor</translation>
    </message>
    <message>
        <source>private network namespace</source>
        <translation>私有网络命名空间</translation>
    </message>
    <message>
        <source>capture in the private lab</source>
        <translation>在私有实验室中抓包</translation>
    </message>
    <message>
        <source>CAP_NET_RAW on the host</source>
        <translation>主机上的 CAP_NET_RAW</translation>
    </message>
    <message>
        <source>sock_diag (states, queues, TIME_WAIT)</source>
        <translation>sock_diag（状态、队列、TIME_WAIT）</translation>
    </message>
    <message>
        <source>/dev/net/tun</source>
        <translation>/dev/net/tun</translation>
    </message>
    <message>
        <source>Python 3</source>
        <translation>Python 3</translation>
    </message>
    <message>
        <source>not needed: socklab runs as root</source>
        <translation>不需要：socklab 以 root 运行</translation>
    </message>
    <message>
        <source>allowed: socklab runs in one of its own</source>
        <translation>允许：socklab 运行在自己的用户命名空间中</translation>
    </message>
    <message>
        <source>refused (%1)</source>
        <translation>被拒绝（%1）</translation>
    </message>
    <message>
        <source>no restriction of user namespaces on this kernel</source>
        <translation>此内核没有限制用户命名空间</translation>
    </message>
    <message>
        <source>the restriction of user namespaces is switched off</source>
        <translation>对用户命名空间的限制已关闭</translation>
    </message>
    <message>
        <source>user namespaces are restricted, and socklab&apos;s profile allows them</source>
        <translation>用户命名空间受限，但 socklab 的配置文件允许使用</translation>
    </message>
    <message>
        <source>user namespaces are restricted, and socklab runs without its profile (confinement: %1)</source>
        <translation>用户命名空间受限，而 socklab 没有在自己的配置文件下运行（限制：%1）</translation>
    </message>
    <message>
        <source>can be made</source>
        <translation>可以建立</translation>
    </message>
    <message>
        <source>cannot be made (%1)</source>
        <translation>无法建立（%1）</translation>
    </message>
    <message>
        <source>works</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>impossible without a private network namespace</source>
        <translation>没有私有网络命名空间就无法抓包</translation>
    </message>
    <message>
        <source>yes: socklab may capture on the host&apos;s loopback</source>
        <translation>有：socklab 可以在主机回环接口上抓包</translation>
    </message>
    <message>
        <source>no (%1)</source>
        <translation>没有（%1）</translation>
    </message>
    <message>
        <source>no (%1); not needed while the private lab captures</source>
        <translation>没有（%1）；私有实验室能抓包时不需要</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>有应答</translation>
    </message>
    <message>
        <source>does not answer: no states, queues or TIME_WAIT timers</source>
        <translation>没有应答：看不到状态、队列和 TIME_WAIT 计时器</translation>
    </message>
    <message>
        <source>usable</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>not usable (%1): only a wire between two lab hosts needs it</source>
        <translation>不可用（%1）：只有两台实验室主机之间的连线才需要它</translation>
    </message>
    <message>
        <source>not found: needed to run the lesson&apos;s programs and your own (socklab lab -- python3 …)</source>
        <translation>未找到：运行课程中的程序和你自己的程序时需要（socklab lab -- python3 …）</translation>
    </message>
    <message>
        <source>%1sysctl -w %2 (to keep it after a reboot: echo %2 | %3tee /etc/sysctl.d/60-socklab.conf)</source>
        <translation>%1sysctl -w %2（重启后仍然生效：echo %2 | %3tee /etc/sysctl.d/60-socklab.conf）</translation>
    </message>
    <message>
        <source>load socklab&apos;s AppArmor profile: %1apparmor_parser -r %2</source>
        <translation>加载 socklab 的 AppArmor 配置文件：%1apparmor_parser -r %2</translation>
    </message>
    <message>
        <source>run %1: socklab&apos;s AppArmor profile applies to that program only</source>
        <translation>请运行 %1：socklab 的 AppArmor 配置文件只对这个程序生效</translation>
    </message>
    <message>
        <source>install the socklab package (%1apt-get install ./socklab_*.deb): its AppArmor profile %2 allows user namespaces; or, for every program: %1sysctl -w kernel.apparmor_restrict_unprivileged_userns=0</source>
        <translation>安装 socklab 软件包（%1apt-get install ./socklab_*.deb）：它的 AppArmor 配置文件 %2 允许使用用户命名空间；或者对所有程序放开：%1sysctl -w kernel.apparmor_restrict_unprivileged_userns=0</translation>
    </message>
    <message>
        <source>this system&apos;s policy refuses it (a container or a seccomp filter): allow user namespaces there, or run socklab as root</source>
        <translation>本系统的策略拒绝了它（容器或 seccomp 过滤器）：请在那里允许用户命名空间，或以 root 运行 socklab</translation>
    </message>
    <message>
        <source>only if no private lab can be made: %1setcap cap_net_raw+ep %2</source>
        <translation>仅当无法建立私有实验室时：%1setcap cap_net_raw+ep %2</translation>
    </message>
    <message>
        <source>%1modprobe tun</source>
        <translation>加载 tun 模块：%1modprobe tun</translation>
    </message>
    <message>
        <source>%1chmod 0666 /dev/net/tun (what desktop systems do)</source>
        <translation>%1chmod 0666 /dev/net/tun（桌面系统默认如此）</translation>
    </message>
    <message>
        <source>%1apt-get install %2</source>
        <translation>安装软件包：%1apt-get install %2</translation>
    </message>
    <message>
        <source>--capture needs namespace, host or states-only</source>
        <translation>--capture 需要 namespace、host 或 states-only</translation>
    </message>
    <message>
        <source>doctor takes no arguments but --capture MODE (got &quot;%1&quot;)</source>
        <translation>doctor 除 --capture 模式外不接受其他参数（收到“%1”）</translation>
    </message>
    <message>
        <source>unknown capture mode &quot;%1&quot; (namespace, host or states-only)</source>
        <translation>未知的抓包模式“%1”（namespace、host 或 states-only）</translation>
    </message>
    <message>
        <source>capture mode: none (%1 was asked for with SOCKLAB_CAPTURE or --capture)</source>
        <translation>抓包模式：无（SOCKLAB_CAPTURE 或 --capture 指定了 %1）</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>--</source>
        <translation>--</translation>
    </message>
    <message>
        <source>fix: the same as above</source>
        <translation>修复：同上</translation>
    </message>
    <message>
        <source>fix: %1</source>
        <translation>修复：%1</translation>
    </message>
    <message>
        <source>socklab works here, without packets: the fixes above give it real captured segments.</source>
        <translation>socklab 在这里可以运行，但抓不到报文：按上面的方法修复后即可抓到真实报文。</translation>
    </message>
    <message>
        <source>socklab works here.</source>
        <translation>socklab 在这里可以正常运行。</translation>
    </message>
    <message>
        <source>socklab cannot run scenarios here: the capture mode asked for is not available (see the checks that failed).</source>
        <translation>socklab 无法在这里运行场景：指定的抓包模式不可用（见失败的检查）。</translation>
    </message>
    <message>
        <source>wire (NFQUEUE on the lab&apos;s loopback, iptables-nft)</source>
        <translation>线路（实验室回环上的 NFQUEUE，iptables-nft）</translation>
    </message>
    <message>
        <source>works: socklab lab --wire can drop, hold and delay the lab&apos;s packets</source>
        <translation>可用：socklab lab --wire 可以丢弃、扣住和延迟实验室里的数据包</translation>
    </message>
    <message>
        <source>iptables-nft not found: socklab lab --wire cannot divert packets</source>
        <translation>找不到 iptables-nft：socklab lab --wire 无法转接数据包</translation>
    </message>
    <message>
        <source>does not work here (%1): socklab lab --wire is unavailable</source>
        <translation>在这里不可用（%1）：无法使用 socklab lab --wire</translation>
    </message>
    <message>
        <source>without the private lab the lessons run on the host&apos;s loopback, on free ports; your own programs (socklab lab, Run my programs…) need the lab.</source>
        <translation>没有私有实验室时，课程程序在主机的回环接口上、用空闲端口运行；你自己的程序（socklab lab、运行我的程序…）需要实验室。</translation>
    </message>
</context>
<context>
    <name>ExportVerb</name>
    <message>
        <source>--out needs a file name</source>
        <translation>--out 需要一个文件名</translation>
    </message>
    <message>
        <source>--step needs a step number (1, 2, …)</source>
        <translation>--step 需要一个步骤编号（1、2、…）</translation>
    </message>
    <message>
        <source>--view needs a name</source>
        <translation>--view 需要一个视图名</translation>
    </message>
    <message>
        <source>--size needs WIDTHxHEIGHT, e.g. 1600x1000</source>
        <translation>--size 需要 宽x高，例如 1600x1000</translation>
    </message>
    <message>
        <source>--size must be between 100x100 and 10000x10000</source>
        <translation>--size 必须在 100x100 到 10000x10000 之间</translation>
    </message>
    <message>
        <source>unknown option &quot;%1&quot;</source>
        <translation>未知的选项“%1”</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>多余的参数“%1”</translation>
    </message>
    <message>
        <source>which scenario? (see: socklab list)</source>
        <translation>导出哪个场景？（见：socklab list）</translation>
    </message>
    <message>
        <source>--out FILE.png|.svg|.pdf is required</source>
        <translation>必须给出 --out 文件.png|.svg|.pdf</translation>
    </message>
    <message>
        <source>unknown file type &quot;%1&quot; (png, svg or pdf)</source>
        <translation>未知的文件类型“%1”（可用 png、svg 或 pdf）</translation>
    </message>
    <message>
        <source>--all makes lecture notes: it needs a .pdf file</source>
        <translation>--all 生成讲义：需要一个 .pdf 文件</translation>
    </message>
    <message>
        <source>--step and --all exclude each other</source>
        <translation>--step 和 --all 不能同时使用</translation>
    </message>
    <message>
        <source>unknown view &quot;%1&quot; (%2)</source>
        <translation>未知的视图“%1”（可用：%2）</translation>
    </message>
    <message>
        <source>step %1 is out of range: %2 has %3 steps</source>
        <translation>第 %1 步超出范围：%2 只有 %3 步</translation>
    </message>
    <message>
        <source>cannot write %1: no such folder</source>
        <translation>无法写入 %1：文件夹不存在</translation>
    </message>
    <message>
        <source>the run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>unknown file type &quot;.%1&quot; (png, svg or pdf)</source>
        <translation>未知的文件类型“.%1”（可用 png、svg 或 pdf）</translation>
    </message>
    <message>
        <source>step %1 / %2</source>
        <translation>第 %1 / %2 步</translation>
    </message>
    <message>
        <source>overview · %1 steps</source>
        <translation>总览 · 共 %1 步</translation>
    </message>
    <message>
        <source>%1. %2 (page %3)</source>
        <translation>%1. %2（第 %3 页）</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>The words of the lesson, in English and Chinese.</source>
        <translation>课程中的术语，中英对照。</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>About socklab</source>
        <translation>关于 socklab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;socklab&lt;/h3&gt;&lt;p&gt;Watch real TCP and UDP sockets on the real Linux kernel: every step runs a real socket call in a private network lab, and what the kernel does (segments, states, buffers) is recorded and animated.&lt;/p&gt;&lt;p&gt;Facts marked * are derived from the captured segments; all others were observed in the kernel.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;socklab&lt;/h3&gt;&lt;p&gt;在真实的 Linux 内核上观察真实的 TCP 和 UDP 套接字：每一步都在私有的网络实验室里执行一次真实的套接字调用，内核所做的一切（报文、状态、缓冲区）都被记录下来并以动画呈现。&lt;/p&gt;&lt;p&gt;标有 * 的内容是根据抓到的报文推导出来的；其余都是在内核中直接观察到的。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
</context>
<context>
    <name>LabVerb</name>
    <message>
        <source>note: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>回环地址</translation>
    </message>
    <message>
        <source>capture: host (host loopback, packets of port %1 on %2 only)</source>
        <translation>捕获：host（主机回环，只抓 %2 上端口 %1 的数据包）</translation>
    </message>
    <message>
        <source>capture: states-only (no capture permission on the host: states from sock_diag only)</source>
        <translation>捕获：states-only（在主机上没有抓包权限：状态只来自 sock_diag）</translation>
    </message>
    <message>
        <source>nothing observed on port %1: is a program listening or connecting there?</source>
        <translation>端口 %1 上什么也没观察到：有程序在那里监听或连接吗？</translation>
    </message>
    <message>
        <source>--attach needs a port: socklab lab --attach PORT [--timeout S]</source>
        <translation>--attach 需要一个端口：socklab lab --attach 端口 [--timeout 秒]</translation>
    </message>
    <message>
        <source>--pcap needs a file name</source>
        <translation>--pcap 需要一个文件名</translation>
    </message>
    <message>
        <source>--timeout needs a number of seconds &gt; 0</source>
        <translation>--timeout 需要一个大于 0 的秒数</translation>
    </message>
    <message>
        <source>unknown option for lab: %1 (the programs come after --)</source>
        <translation>lab 没有这个选项：%1（要运行的程序写在 -- 之后）</translation>
    </message>
    <message>
        <source>--attach observes programs already running: no command after --</source>
        <translation>--attach 观察已经在运行的程序：-- 之后不能再写命令</translation>
    </message>
    <message>
        <source>lab needs a command: socklab lab -- COMMAND [ARG...] [--- COMMAND ...]</source>
        <translation>lab 需要一个命令：socklab lab -- 命令 [参数...] [--- 命令 ...]</translation>
    </message>
    <message>
        <source>lab: an empty command (nothing before or after ---)</source>
        <translation>lab：空命令（--- 的前面或后面什么也没有）</translation>
    </message>
    <message>
        <source>--wire puts socklab between programs it runs, not --attach</source>
        <translation>--wire 让 socklab 处在它运行的程序之间，不能与 --attach 一起用</translation>
    </message>
</context>
<context>
    <name>Ladder</name>
    <message>
        <source>accept() — waiting for a connection</source>
        <translation>accept() —— 等待连接</translation>
    </message>
    <message>
        <source>%1() — waiting for data</source>
        <translation>%1() —— 等待数据</translation>
    </message>
    <message>
        <source>%1() — waiting for buffer space</source>
        <translation>%1() —— 等待缓冲区空间</translation>
    </message>
    <message>
        <source>connect() — waiting for the handshake</source>
        <translation>connect() —— 等待握手完成</translation>
    </message>
    <message>
        <source>%1() — blocked</source>
        <translation>%1() —— 阻塞中</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>ACK rode on this FIN: 3 segments, not 4</source>
        <translation>ACK 搭在这个 FIN 上：3 个报文，而不是 4 个</translation>
    </message>
    <message>
        <source>TIME_WAIT timer: %1 s left</source>
        <translation>TIME_WAIT 计时器：剩余 %1 秒</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务端</translation>
    </message>
    <message>
        <source>* derived from the segments</source>
        <translation>* 由报文推导</translation>
    </message>
    <message>
        <source>state seen by the kernel</source>
        <translation>内核观察到的状态</translation>
    </message>
    <message>
        <source>reset / error</source>
        <translation>重置 / 错误</translation>
    </message>
    <message>
        <source>time.sleep(…) until %1 B wait</source>
        <translation>time.sleep(…) 直到 %1 字节到达</translation>
    </message>
    <message>
        <source>dropped by the wire</source>
        <translation>被线路丢弃</translation>
    </message>
    <message>
        <source>held by the wire</source>
        <translation>被线路扣住</translation>
    </message>
    <message>
        <source>held %1 s, then dropped</source>
        <translation>扣住 %1 秒后丢弃</translation>
    </message>
    <message>
        <source>held %1 s, then released</source>
        <translation>扣住 %1 秒后放行</translation>
    </message>
    <message>
        <source>+%1 ms: the wire&apos;s delay</source>
        <translation>+%1 毫秒：线路的延迟</translation>
    </message>
    <message>
        <source>+%1 ms</source>
        <translation>+%1 毫秒</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>丢弃</translation>
    </message>
</context>
<context>
    <name>LessonCaptions</name>
    <message>
        <source>ECONNREFUSED (ConnectionRefusedError)</source>
        <translation>ECONNREFUSED（ConnectionRefusedError，连接被拒绝）</translation>
    </message>
    <message>
        <source>EADDRINUSE (OSError: Address already in use)</source>
        <translation>EADDRINUSE（OSError: Address already in use，地址已被占用）</translation>
    </message>
    <message>
        <source>EAGAIN (socket.timeout)</source>
        <translation>EAGAIN（socket.timeout，超时）</translation>
    </message>
    <message>
        <source>The server creates a TCP socket (SOCK_STREAM): descriptor %1. Nothing is sent yet.</source>
        <translation>服务器创建一个 TCP 套接字（SOCK_STREAM）：描述符 %1。此时还没有发送任何数据。</translation>
    </message>
    <message>
        <source>%1 creates its TCP socket: descriptor %2.</source>
        <translation>%1 创建它的 TCP 套接字：描述符 %2。</translation>
    </message>
    <message>
        <source>bind() gives the server&apos;s socket the address 127.0.0.1 and port %1; it returns %2.</source>
        <translation>bind() 把服务器套接字绑定到地址 127.0.0.1 和端口 %1；返回 %2。</translation>
    </message>
    <message>
        <source>listen(%1): the socket is now LISTEN. The kernel completes handshakes by itself and queues the connections until accept() takes them.</source>
        <translation>listen(%1)：套接字进入 LISTEN。内核会自己完成握手，并把连接排在队列里，直到 accept() 取走它们。</translation>
    </message>
    <message>
        <source>accept() returns descriptor %1 for the client %2.</source>
        <translation>accept() 返回描述符 %1，对应客户端 %2。</translation>
    </message>
    <message>
        <source>connect() fails with %1.</source>
        <translation>connect() 失败：%1。</translation>
    </message>
    <message>
        <source>%1 calls connect(): the two kernels do the three-way handshake (%2) and connect() returns %3.</source>
        <translation>%1 调用 connect()：两端内核完成三次握手（%2），connect() 返回 %3。</translation>
    </message>
    <message>
        <source>%1 closes its connected socket: %2.</source>
        <translation>%1 关闭它的已连接套接字：%2。</translation>
    </message>
    <message>
        <source>no segment is sent</source>
        <translation>没有发送报文段</translation>
    </message>
    <message>
        <source>The server closes its listening socket: the port is free again.</source>
        <translation>服务器关闭监听套接字：端口重新空闲。</translation>
    </message>
    <message>
        <source>setsockopt(SO_RCVBUF, %1) makes the server&apos;s receive buffer small (Linux doubles the value for its bookkeeping). It is set on the listening socket, so the accepted connection inherits it.</source>
        <translation>setsockopt(SO_RCVBUF, %1) 把服务器的接收缓冲区设得很小（Linux 会把这个值翻倍，用于内部记账）。它设在监听套接字上，accept 得到的连接会继承它。</translation>
    </message>
    <message>
        <source>setsockopt(SO_SNDBUF, %1) makes the client&apos;s send buffer small (the kernel doubles it too).</source>
        <translation>setsockopt(SO_SNDBUF, %1) 把客户端的发送缓冲区设得很小（内核同样会翻倍）。</translation>
    </message>
    <message>
        <source>settimeout(0.5): a send() that cannot copy its bytes within 0.5 s gives up instead of waiting forever.</source>
        <translation>settimeout(0.5)：如果 send() 在 0.5 秒内无法拷贝完数据，就放弃，而不是永远等下去。</translation>
    </message>
    <message>
        <source>sendall() of %1 bytes: the kernel copied %2 bytes into the send buffer and onto the wire until the server&apos;s receive buffer was full and it advertised window 0. The server never calls recv(), so sendall() gave up after 0.5 s with %3. Meanwhile the client&apos;s kernel sent %4 zero-window probe(s) to ask whether the window has reopened.</source>
        <translation>sendall() 要发送 %1 字节：内核把 %2 字节拷贝进发送缓冲区并发到网上，直到服务器的接收缓冲区满了、通告窗口为 0。服务器从不调用 recv()，所以 0.5 秒后 sendall() 以 %3 放弃。与此同时，客户端内核发出了 %4 个零窗口探测，询问窗口是否重新打开。</translation>
    </message>
    <message>
        <source>settimeout(None): the client&apos;s socket blocks again — the next send() will wait as long as it takes.</source>
        <translation>settimeout(None)：客户端套接字重新变为阻塞 —— 下一次 send() 会一直等下去。</translation>
    </message>
    <message>
        <source>sendall() of %1 more bytes: both buffers are full, so the call blocks. The client sleeps inside send() until the server&apos;s recv() makes room — send() waits for buffer space, not for the peer to read.</source>
        <translation>sendall() 再发送 %1 字节：两个缓冲区都满了，所以调用阻塞。客户端在 send() 里睡眠，直到服务器的 recv() 腾出空间 —— send() 等的是缓冲区空间，而不是对方读取数据。</translation>
    </message>
    <message>
        <source>The server finally calls recv(%1): it takes %2 bytes out of its receive buffer. The freed space reopens the window (win=%3), the client&apos;s kernel sends more, and the blocked sendall() copies on.</source>
        <translation>服务器终于调用 recv(%1)：从接收缓冲区取走 %2 字节。腾出的空间重新打开了窗口（win=%3），客户端内核继续发送，阻塞的 sendall() 继续拷贝。</translation>
    </message>
    <message>
        <source>Another recv() takes %1 more bytes; the client&apos;s send buffer drains into the freed space.</source>
        <translation>又一次 recv() 取走 %1 字节；客户端的发送缓冲区向腾出的空间继续排空。</translation>
    </message>
    <message>
        <source>settimeout(0.5) on the server&apos;s socket: the loop below stops once 0.5 s pass with nothing to read.</source>
        <translation>在服务器套接字上 settimeout(0.5)：下面的循环在 0.5 秒读不到数据后结束。</translation>
    </message>
    <message>
        <source>The server&apos;s loop calls recv() again and again: %1 calls take %2 bytes, each returning what was in the receive buffer. The blocked sendall() returned once its last bytes were in the send buffer.</source>
        <translation>服务器的循环一次又一次调用 recv()：%1 次调用共取走 %2 字节，每次返回接收缓冲区里现有的数据。阻塞的 sendall() 在最后的字节进入发送缓冲区后就返回了。</translation>
    </message>
    <message>
        <source>send(%1) copies %2 bytes into the client&apos;s send buffer and returns at once. The kernel carries them in a segment of their own (%3).</source>
        <translation>send(%1) 把 %2 字节拷贝进客户端的发送缓冲区并立即返回。内核用一个单独的报文段把它们发出（%3）。</translation>
    </message>
    <message>
        <source>The server sleeps (the lesson&apos;s time.sleep()) while the messages arrive: all %1 bytes now wait together in its receive buffer, with no marks between them.</source>
        <translation>服务器睡眠（课上的 time.sleep()），消息陆续到达：全部 %1 字节现在一起待在它的接收缓冲区里，之间没有任何分隔标记。</translation>
    </message>
    <message>
        <source>One recv() returned all %1 bytes of %2 send() calls: %3. TCP is a byte stream with no message boundaries. The %2 segments arrived separately on the wire — the merging happened in the receive buffer.</source>
        <translation>一次 recv() 返回了 %2 次 send() 调用的全部 %1 字节：%3。TCP 是字节流，没有消息边界。这 %2 个报文段在网络上是分开到达的 —— 合并发生在接收缓冲区里。</translation>
    </message>
    <message>
        <source>send(%1): the message followed by the end marker — %2 bytes. The receiver will cut the stream at every marker.</source>
        <translation>send(%1)：消息后面跟着结束标记 —— 共 %2 字节。接收方会在每个标记处切分字节流。</translation>
    </message>
    <message>
        <source>send(%1): a 5-byte header (b&apos;Y&apos; and the body length %2 packed with struct) followed by the %2-byte body — %3 bytes in all. The length counts bytes, not characters: a Chinese character takes 3 bytes in UTF-8.</source>
        <translation>send(%1)：先是 5 字节的报头（b&apos;Y&apos; 和用 struct 打包的消息体长度 %2），再是 %2 字节的消息体 —— 共 %3 字节。长度数的是字节而不是字符：一个汉字在 UTF-8 中占 3 个字节。</translation>
    </message>
    <message>
        <source>send(%1): %2 bytes. The server is already waiting in recv(), which returns them at once as one message.</source>
        <translation>send(%1)：%2 字节。服务器已经在 recv() 里等待，它立即把这些字节作为一条消息返回。</translation>
    </message>
    <message>
        <source>The server waits until all %1 bytes are in its receive buffer — they are stuck together, as in the sticky-packet lesson.</source>
        <translation>服务器等到全部 %1 字节都进入接收缓冲区 —— 它们粘在了一起，和粘包那一课一样。</translation>
    </message>
    <message>
        <source>recv(%1) returns %2 — it stops in the middle of the second message. The parser completes %3 message(s) and keeps the unfinished tail for later.</source>
        <translation>recv(%1) 返回 %2 —— 它停在第二条消息的中间。解析器完成了 %3 条消息，并把不完整的尾部留到以后。</translation>
    </message>
    <message>
        <source>The next recv() returns the other %1 bytes. Joined with the kept tail they complete %2 more message(s): every message comes out exactly as sent, the split one and the Chinese one included.</source>
        <translation>下一次 recv() 返回其余的 %1 字节。与保留的尾部拼接后又完成了 %2 条消息：每条消息都与发送时完全一致，包括被切开的那条和中文那条。</translation>
    </message>
    <message>
        <source>The server waits in recv() once more; it returns b&apos;&apos; when the client closes.</source>
        <translation>服务器再次在 recv() 中等待；客户端关闭时它返回 b&apos;&apos;。</translation>
    </message>
    <message>
        <source>The server waits in recv() before the client sends. It returns exactly one message, %1 (%2 bytes), because it was already waiting when the bytes arrived.</source>
        <translation>服务器在客户端发送之前就在 recv() 中等待。它恰好返回一条消息 %1（%2 字节），因为数据到达时它已经在等了。</translation>
    </message>
    <message>
        <source>The server waits in recv() before the client sends anything.</source>
        <translation>服务器在客户端发送任何数据之前就在 recv() 中等待。</translation>
    </message>
    <message>
        <source>The client pauses %1 ms before the next message, so the receiver takes each message out alone. This works only by timing — the weakest of the three fixes.</source>
        <translation>客户端在下一条消息前暂停 %1 毫秒，让接收方单独取走每一条消息。这只是靠时间间隔 —— 三种方法中最弱的一种。</translation>
    </message>
    <message>
        <source>The server creates a datagram socket (SOCK_DGRAM): descriptor %1. UDP has no connection: no listen(), no accept().</source>
        <translation>服务器创建一个数据报套接字（SOCK_DGRAM）：描述符 %1。UDP 没有连接：没有 listen()，也没有 accept()。</translation>
    </message>
    <message>
        <source>bind() gives it 127.0.0.1 port %1: datagrams sent there now land in its receive queue.</source>
        <translation>bind() 给它 127.0.0.1 端口 %1：发往这里的数据报会进入它的接收队列。</translation>
    </message>
    <message>
        <source>The client creates a datagram socket: descriptor %1.</source>
        <translation>客户端创建一个数据报套接字：描述符 %1。</translation>
    </message>
    <message>
        <source>sendto(%1) sends one %2-byte datagram at once: no handshake before it, no acknowledgement after.</source>
        <translation>sendto(%1) 立即发出一个 %2 字节的数据报：之前没有握手，之后也没有确认。</translation>
    </message>
    <message>
        <source>recvfrom(1024) returns exactly one datagram, %1 (%2 bytes), from %3. Datagrams keep their boundaries: no sticky packets in UDP.</source>
        <translation>recvfrom(1024) 恰好返回一个数据报 %1（%2 字节），来自 %3。数据报保留边界：UDP 没有粘包。</translation>
    </message>
    <message>
        <source>recvfrom(%1) with a buffer too small: the %2-byte datagram is cut to %3 bytes, %4, and the rest is lost — the kernel reports it with MSG_TRUNC.</source>
        <translation>recvfrom(%1) 的缓冲区太小：%2 字节的数据报被截断为 %3 字节 %4，其余部分丢失 —— 内核用 MSG_TRUNC 报告这一点。</translation>
    </message>
    <message>
        <source>The client closes its UDP socket: nothing goes on the wire — there is no connection to end.</source>
        <translation>客户端关闭 UDP 套接字：网上没有任何报文 —— 没有连接需要结束。</translation>
    </message>
    <message>
        <source>The server closes its UDP socket.</source>
        <translation>服务器关闭 UDP 套接字。</translation>
    </message>
    <message>
        <source>connect() on a UDP socket sends nothing: it only fixes the peer (port %1, where nobody listens), so that send() works and errors from that peer are reported.</source>
        <translation>在 UDP 套接字上 connect() 不发送任何东西：它只是固定对端（端口 %1，没有人在监听），这样就能用 send()，并且会报告来自该对端的错误。</translation>
    </message>
    <message>
        <source>send(%1) returns %2: the datagram leaves. Nobody listens on that port, so the kernel there answers with ICMP port unreachable.</source>
        <translation>send(%1) 返回 %2：数据报发出了。那个端口没有人监听，所以对方内核回复 ICMP 端口不可达。</translation>
    </message>
    <message>
        <source>settimeout(1.0), so the next recv() cannot hang.</source>
        <translation>settimeout(1.0)，让下一次 recv() 不会一直挂起。</translation>
    </message>
    <message>
        <source>recv() fails with %1: the connected UDP socket remembered the ICMP error and reports it on its next call.</source>
        <translation>recv() 失败：%1。已连接的 UDP 套接字记住了 ICMP 错误，并在下一次调用时报告。</translation>
    </message>
    <message>
        <source>listen(%1): the socket is LISTEN. The server will never call accept(), so finished connections pile up in the accept queue; Linux lets backlog + 1 = %2 of them wait.</source>
        <translation>listen(%1)：套接字进入 LISTEN。服务器永远不会调用 accept()，所以已完成的连接在 监听队列里堆积；Linux 允许 backlog + 1 = %2 个连接等待。</translation>
    </message>
    <message>
        <source>%1 calls connect(): the server&apos;s kernel completes the handshake (%2) and puts the connection in the accept queue (%3 waiting). connect() returns %4 although the server never called accept().</source>
        <translation>%1 调用 connect()：服务器端内核完成握手（%2），并把连接放进 监听队列（%3 个在等待）。尽管服务器从未调用 accept()，connect() 仍返回 %4。</translation>
    </message>
    <message>
        <source>%1 calls connect(), but the accept queue is full (%2 of %3). The server&apos;s kernel drops the SYN silently — no SYN+ACK, no RST — and the client&apos;s kernel sends it again (%4 SYNs: %5). connect() stays blocked.</source>
        <translation>%1 调用 connect()，但 监听队列已满（%2 / %3）。服务器内核悄悄丢弃 SYN —— 不回 SYN+ACK，也不回 RST —— 客户端内核于是重发（%4 个 SYN：%5）。connect() 一直阻塞。</translation>
    </message>
    <message>
        <source>The server closes its listening socket: the connections nobody accepted are reset (%1) and the waiting client&apos;s connect() gives up.</source>
        <translation>服务器关闭监听套接字：没有被 accept 的连接被重置（%1），等待中的客户端的 connect() 放弃。</translation>
    </message>
    <message>
        <source>The first server sets SO_REUSEADDR, as real servers do; it matters only when the port is bound again.</source>
        <translation>第一个服务器设置了 SO_REUSEADDR，真实的服务器都这么做；只有再次绑定该端口时它才起作用。</translation>
    </message>
    <message>
        <source>The server closes the connection first (%1): the side that closes first is the one that ends in TIME_WAIT.</source>
        <translation>服务器先关闭连接（%1）：先关闭的一方最终进入 TIME_WAIT。</translation>
    </message>
    <message>
        <source>The client&apos;s recv() returns b&apos;&apos;: the server has closed.</source>
        <translation>客户端的 recv() 返回 b&apos;&apos;：服务器已经关闭。</translation>
    </message>
    <message>
        <source>The client closes too (%1). The server&apos;s end of the connection now waits in TIME_WAIT for %2 s, holding the port.</source>
        <translation>客户端也关闭（%1）。服务器这一端的连接现在在 TIME_WAIT 中等待 %2 秒，占着这个端口。</translation>
    </message>
    <message>
        <source>The server program closes its listening socket to restart. The old connection stays in TIME_WAIT in the kernel: %1 s left.</source>
        <translation>服务器程序关闭监听套接字准备重启。旧连接仍在内核中处于 TIME_WAIT：还剩 %1 秒。</translation>
    </message>
    <message>
        <source>The restarted server creates a new socket: descriptor %1.</source>
        <translation>重启的服务器创建一个新套接字：描述符 %1。</translation>
    </message>
    <message>
        <source>bind() to port %1 without SO_REUSEADDR fails with %2: the connection in TIME_WAIT still holds the port.</source>
        <translation>不设 SO_REUSEADDR 时 bind() 端口 %1 失败：%2 —— 处于 TIME_WAIT 的连接仍占着这个端口。</translation>
    </message>
    <message>
        <source>setsockopt(SO_REUSEADDR, 1): allow binding a port that only TIME_WAIT connections hold.</source>
        <translation>setsockopt(SO_REUSEADDR, 1)：允许绑定只被 TIME_WAIT 连接占用的端口。</translation>
    </message>
    <message>
        <source>bind() now succeeds (returns %1) although the old connection is still in TIME_WAIT.</source>
        <translation>bind() 现在成功了（返回 %1），尽管旧连接仍处于 TIME_WAIT。</translation>
    </message>
    <message>
        <source>listen(): the restarted server takes connections on the same port again.</source>
        <translation>listen()：重启的服务器又在同一端口上接受连接了。</translation>
    </message>
    <message>
        <source>The server closes its socket.</source>
        <translation>服务器关闭它的套接字。</translation>
    </message>
    <message>
        <source>%1 sends %2 (%3 bytes).</source>
        <translation>%1 发送 %2（%3 字节）。</translation>
    </message>
    <message>
        <source>The server&apos;s recv() returns %1 from its current client.</source>
        <translation>服务器的 recv() 从当前客户端收到 %1。</translation>
    </message>
    <message>
        <source>The server answers %1.</source>
        <translation>服务器回复 %1。</translation>
    </message>
    <message>
        <source>%1 receives the answer %2.</source>
        <translation>%1 收到回复 %2。</translation>
    </message>
    <message>
        <source>%1 connects while the server is busy with the first client: the kernel completes the handshake (%2) by itself and keeps the connection in the accept queue until the server calls accept() again.</source>
        <translation>服务器正忙于第一个客户端时 %1 发起连接：内核自己完成握手（%2），把连接留在 监听队列中，直到服务器再次调用 accept()。</translation>
    </message>
    <message>
        <source>%1 already sends %2: the bytes wait in the receive buffer of its queued connection.</source>
        <translation>%1 已经发送了 %2：这些字节在它那个排队连接的接收缓冲区里等待。</translation>
    </message>
    <message>
        <source>%1 waits in recv() for an answer — the server is still talking to the first client.</source>
        <translation>%1 在 recv() 中等待回复 —— 服务器仍在和第一个客户端交谈。</translation>
    </message>
    <message>
        <source>%1 sends the special string %2: it is done.</source>
        <translation>%1 发送特殊字符串 %2：表示它结束了。</translation>
    </message>
    <message>
        <source>The server receives %1, the special string: it leaves the inner loop, closes this connection and goes back to accept().</source>
        <translation>服务器收到特殊字符串 %1：它退出内层循环，关闭这个连接，回到 accept()。</translation>
    </message>
    <message>
        <source>Back at the top of the loop, accept() returns at once with descriptor %1: the client %2 had been waiting in the accept queue.</source>
        <translation>回到循环开头，accept() 立即返回描述符 %1：客户端 %2 一直在 监听队列中等待。</translation>
    </message>
    <message>
        <source>accept() again: no client is waiting, so it blocks — the server is ready for the next one.</source>
        <translation>再次 accept()：没有客户端在等待，所以它阻塞 —— 服务器准备好迎接下一个客户端。</translation>
    </message>
    <message>
        <source>The server binds 127.0.0.1 port %1: only connections to the loopback address can reach it.</source>
        <translation>服务器绑定 127.0.0.1 端口 %1：只有发往回环地址的连接才能到达它。</translation>
    </message>
    <message>
        <source>The client connects to the lab&apos;s second address %1: no socket listens there (the server bound 127.0.0.1 only), so the kernel answers %2 and connect() fails with %3.</source>
        <translation>客户端连接实验网络的第二个地址 %1：那里没有套接字监听（服务器只绑定了 127.0.0.1），所以内核回复 %2，connect() 失败：%3。</translation>
    </message>
    <message>
        <source>The server binds 0.0.0.0 port %1: the wildcard address, every address of the machine.</source>
        <translation>服务器绑定 0.0.0.0 端口 %1：通配地址，即本机的所有地址。</translation>
    </message>
    <message>
        <source>The client connects to %1 again: now the handshake completes (%2) and connect() returns %3.</source>
        <translation>客户端再次连接 %1：这次握手完成（%2），connect() 返回 %3。</translation>
    </message>
    <message>
        <source>accept() blocks: no connection is waiting yet, so the server sleeps in the kernel until a client connects.</source>
        <translation>accept() 阻塞：还没有连接在等待，服务器在内核里睡眠，直到有客户端连上来。</translation>
    </message>
</context>
<context>
    <name>NoteText</name>
    <message>
        <source>the last program has exited</source>
        <translation>最后一个程序已经退出</translation>
    </message>
    <message>
        <source>the time limit was reached</source>
        <translation>到达了时间限制</translation>
    </message>
    <message>
        <source>asked to stop</source>
        <translation>被要求停止</translation>
    </message>
    <message>
        <source>killed by signal %1 (%2)</source>
        <translation>被信号 %1（%2）终止</translation>
    </message>
    <message>
        <source>exited with status %1</source>
        <translation>退出，状态码 %1</translation>
    </message>
    <message>
        <source>still running</source>
        <translation>仍在运行</translation>
    </message>
    <message>
        <source>the kernel says %1, the derivation said %2</source>
        <translation>内核报告 %1，而推导结果是 %2</translation>
    </message>
    <message>
        <source> (uncertain: capture lost packets)</source>
        <translation>（不确定：抓包丢失了数据包）</translation>
    </message>
    <message>
        <source>capture lost %1 packets here (%2 lost, %3 captured so far): what follows has gaps</source>
        <translation>抓包在这里丢失了 %1 个数据包（共丢失 %2 个，已捕获 %3 个）：后面的内容有缺口</translation>
    </message>
    <message>
        <source>the ACK of the peer&apos;s FIN rode on this FIN (3-segment teardown)</source>
        <translation>对端 FIN 的 ACK 搭载在这个 FIN 上（三个报文的挥手）</translation>
    </message>
    <message>
        <source>capture mode: %1</source>
        <translation>捕获方式：%1</translation>
    </message>
    <message>
        <source>parsed message: %1%2</source>
        <translation>解析出的消息：%1%2</translation>
    </message>
    <message>
        <source>step %1 never became quiet: it ended after %2 ms</source>
        <translation>第 %1 步一直没有安静下来：%2 毫秒后结束</translation>
    </message>
    <message>
        <source>a captured packet could not be decoded (%1)</source>
        <translation>一个捕获的数据包无法解码（%1）</translation>
    </message>
    <message>
        <source>typed: %1</source>
        <translation>输入：%1</translation>
    </message>
    <message>
        <source>started: %1 (pid %2)</source>
        <translation>已启动：%1（pid %2）</translation>
    </message>
    <message>
        <source>stopping %1 with %2 (%3)</source>
        <translation>用 %2 停止 %1（%3）</translation>
    </message>
    <message>
        <source>killed with %1</source>
        <translation>已用 %1 强制终止</translation>
    </message>
    <message>
        <source>never opened a TCP or UDP socket</source>
        <translation>从未打开过 TCP 或 UDP 套接字</translation>
    </message>
    <message>
        <source>no capture permission on the host: states from sock_diag only</source>
        <translation>在主机上没有抓包权限：状态只来自 sock_diag</translation>
    </message>
    <message>
        <source>nothing used port %1 on the loopback</source>
        <translation>回环上没有程序使用端口 %1</translation>
    </message>
    <message>
        <source>listens on %1:%2 (not loopback; inside the lab nothing outside can reach it)</source>
        <translation>在 %1:%2 上监听（不是回环地址；在实验环境里，外面的任何东西都连不到它）</translation>
    </message>
    <message>
        <source>the wire: %1 packets, %2 passed, %3 dropped, %4 held, %5 delayed, %6 duplicated; lost by the wire itself: %7</source>
        <translation>线路：%1 个数据包，放行 %2，丢弃 %3，扣住 %4，延迟 %5，复制 %6；线路自身丢失：%7</translation>
    </message>
</context>
<context>
    <name>PacketField</name>
    <message>
        <source>Destination</source>
        <translation>目的地址</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源地址</translation>
    </message>
    <message>
        <source>VLAN tag</source>
        <translation>VLAN 标签</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Packet type</source>
        <translation>包类型</translation>
    </message>
    <message>
        <source>Link-layer address type</source>
        <translation>链路层地址类型</translation>
    </message>
    <message>
        <source>Link-layer address length</source>
        <translation>链路层地址长度</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Interface index</source>
        <translation>接口编号</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>地址族</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Header length</source>
        <translation>首部长度</translation>
    </message>
    <message>
        <source>Differentiated services</source>
        <translation>区分服务</translation>
    </message>
    <message>
        <source>DSCP</source>
        <translation>DSCP</translation>
    </message>
    <message>
        <source>ECN</source>
        <translation>ECN</translation>
    </message>
    <message>
        <source>Total length</source>
        <translation>总长度</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标志位</translation>
    </message>
    <message>
        <source>Reserved bit</source>
        <translation>保留位</translation>
    </message>
    <message>
        <source>Don&apos;t fragment</source>
        <translation>不分片</translation>
    </message>
    <message>
        <source>More fragments</source>
        <translation>更多分片</translation>
    </message>
    <message>
        <source>Fragment offset</source>
        <translation>片偏移</translation>
    </message>
    <message>
        <source>Time to live</source>
        <translation>生存时间（TTL）</translation>
    </message>
    <message>
        <source>Header checksum</source>
        <translation>首部校验和</translation>
    </message>
    <message>
        <source>Calculated checksum</source>
        <translation>计算出的校验和</translation>
    </message>
    <message>
        <source>Source address</source>
        <translation>源地址</translation>
    </message>
    <message>
        <source>Destination address</source>
        <translation>目的地址</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Hop-by-hop options</source>
        <translation>逐跳选项</translation>
    </message>
    <message>
        <source>Routing header</source>
        <translation>路由首部</translation>
    </message>
    <message>
        <source>Fragment header</source>
        <translation>分片首部</translation>
    </message>
    <message>
        <source>Authentication header</source>
        <translation>认证首部</translation>
    </message>
    <message>
        <source>Destination options</source>
        <translation>目的选项</translation>
    </message>
    <message>
        <source>Traffic class</source>
        <translation>流量类别</translation>
    </message>
    <message>
        <source>Flow label</source>
        <translation>流标签</translation>
    </message>
    <message>
        <source>Payload length</source>
        <translation>载荷长度</translation>
    </message>
    <message>
        <source>Next header</source>
        <translation>下一个首部</translation>
    </message>
    <message>
        <source>Hop limit</source>
        <translation>跳数限制</translation>
    </message>
    <message>
        <source>Accurate ECN (AE)</source>
        <translation>精确 ECN（AE）</translation>
    </message>
    <message>
        <source>Congestion window reduced (CWR)</source>
        <translation>拥塞窗口已减小（CWR）</translation>
    </message>
    <message>
        <source>ECN-Echo (ECE)</source>
        <translation>ECN 回显（ECE）</translation>
    </message>
    <message>
        <source>Urgent (URG)</source>
        <translation>紧急（URG）</translation>
    </message>
    <message>
        <source>Acknowledgment (ACK)</source>
        <translation>确认（ACK）</translation>
    </message>
    <message>
        <source>Push (PSH)</source>
        <translation>推送（PSH）</translation>
    </message>
    <message>
        <source>Reset (RST)</source>
        <translation>重置（RST）</translation>
    </message>
    <message>
        <source>Syn (SYN)</source>
        <translation>同步（SYN）</translation>
    </message>
    <message>
        <source>Fin (FIN)</source>
        <translation>结束（FIN）</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Source port</source>
        <translation>源端口</translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation>目的端口</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Acknowledgment number</source>
        <translation>确认号</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <source>Urgent pointer</source>
        <translation>紧急指针</translation>
    </message>
    <message>
        <source>End of option list (EOL)</source>
        <translation>选项列表结束（EOL）</translation>
    </message>
    <message>
        <source>No-operation (NOP)</source>
        <translation>无操作（NOP）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>MSS value</source>
        <translation>MSS 值</translation>
    </message>
    <message>
        <source>Maximum segment size</source>
        <translation>最大报文段长度（MSS）</translation>
    </message>
    <message>
        <source>Shift count</source>
        <translation>移位位数</translation>
    </message>
    <message>
        <source>Window scale</source>
        <translation>窗口扩大因子</translation>
    </message>
    <message>
        <source>SACK permitted</source>
        <translation>允许 SACK</translation>
    </message>
    <message>
        <source>Timestamp value</source>
        <translation>时间戳值</translation>
    </message>
    <message>
        <source>Timestamp echo reply</source>
        <translation>时间戳回显</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>左边界</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>右边界</translation>
    </message>
    <message>
        <source>SACK</source>
        <translation>SACK（选择确认）</translation>
    </message>
    <message>
        <source>Unknown option</source>
        <translation>未知选项</translation>
    </message>
    <message>
        <source>Original datagram</source>
        <translation>原始数据报</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>标识符</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>Next-hop MTU</source>
        <translation>下一跳 MTU</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Captured length</source>
        <translation>捕获长度</translation>
    </message>
</context>
<context>
    <name>PacketLayer</name>
    <message>
        <source>Ethernet II</source>
        <translation>以太网 II</translation>
    </message>
    <message>
        <source>Linux cooked capture v2</source>
        <translation>Linux cooked 捕获 v2</translation>
    </message>
    <message>
        <source>Linux cooked capture</source>
        <translation>Linux cooked 捕获</translation>
    </message>
    <message>
        <source>Null/Loopback</source>
        <translation>Null/环回</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>ICMPv6</source>
        <translation>ICMPv6</translation>
    </message>
    <message>
        <source>ICMP</source>
        <translation>ICMP</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>PayloadOption</name>
    <message>
        <source>--payload needs a number of bytes or &quot;all&quot;</source>
        <translation>--payload 需要一个字节数或 &quot;all&quot;</translation>
    </message>
    <message>
        <source>--payload needs a number of bytes &gt;= 0 or &quot;all&quot; (got &quot;%1&quot;)</source>
        <translation>--payload 需要一个 &gt;= 0 的字节数或 &quot;all&quot;（收到的是 &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>capture lost %1 packets (the kernel&apos;s capture ring was full; %2 captured): the timeline has gaps</source>
        <translation>抓包丢失了 %1 个数据包（内核的抓包环形缓冲区已满；已抓到 %2 个）：时间线有缺口</translation>
    </message>
    <message>
        <source>capture failed: %1</source>
        <translation>抓包失败：%1</translation>
    </message>
    <message>
        <source>%1 frames are not in the pcap file: the disk could not keep up</source>
        <translation>%1 个帧没有写入 pcap 文件：磁盘跟不上</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message>
        <source>sndbuf (send buffer bytes)</source>
        <translation>sndbuf（发送缓冲区字节数）</translation>
    </message>
    <message>
        <source>rcvbuf (receive buffer bytes)</source>
        <translation>rcvbuf（接收缓冲区字节数）</translation>
    </message>
    <message>
        <source>size (bytes to send)</source>
        <translation>size（要发送的字节数）</translation>
    </message>
    <message>
        <source>count (number of messages)</source>
        <translation>count（消息个数）</translation>
    </message>
    <message>
        <source>bufsize (recvfrom buffer bytes)</source>
        <translation>bufsize（recvfrom 缓冲区字节数）</translation>
    </message>
    <message>
        <source>backlog (listen(n))</source>
        <translation>backlog（listen(n) 的 n）</translation>
    </message>
    <message>
        <source>unknown scenario &quot;%1&quot; (see: socklab list)</source>
        <translation>未知的场景“%1”（见：socklab list）</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3 (got &quot;%4&quot;)</source>
        <translation>%1 必须是 %2 到 %3 之间的整数（收到了“%4”）</translation>
    </message>
    <message>
        <source>%1 has no parameter &quot;%2&quot; (known: %3)</source>
        <translation>%1 没有参数“%2”（可用：%3）</translation>
    </message>
    <message>
        <source>messages: give 1 to %1 messages separated by &apos;|&apos;</source>
        <translation>messages：请给出 1 到 %1 条消息，用 &apos;|&apos; 分隔</translation>
    </message>
    <message>
        <source>message %1 is empty: TCP cannot show a message of no bytes</source>
        <translation>第 %1 条消息是空的：TCP 无法展示没有字节的消息</translation>
    </message>
    <message>
        <source>message %1 is %2 bytes; the limit is 1 MiB (%3 bytes)</source>
        <translation>第 %1 条消息有 %2 字节；上限是 1 MiB（%3 字节）</translation>
    </message>
    <message>
        <source>message %1 is %2 bytes; in fix-pacing the receiver reads %3 bytes at a time, so pacing alone cannot keep it whole</source>
        <translation>第 %1 条消息有 %2 字节；在 fix-pacing 中接收方每次读 %3 字节，光靠放慢发送无法保持它完整</translation>
    </message>
    <message>
        <source>message %1 is %2 bytes; a UDP datagram holds at most %3</source>
        <translation>第 %1 条消息有 %2 字节；一个 UDP 数据报最多装 %3 字节</translation>
    </message>
    <message>
        <source>%1 must not be empty</source>
        <translation>%1 不能为空</translation>
    </message>
    <message>
        <source>%1 is %2 bytes; the limit is 1 MiB</source>
        <translation>%1 有 %2 字节；上限是 1 MiB</translation>
    </message>
    <message>
        <source>message %1 contains the delimiter &quot;%2&quot;: the receiver would cut it in two</source>
        <translation>第 %1 条消息含有结尾标志“%2”：接收方会把它切成两半</translation>
    </message>
    <message>
        <source>unknown capture mode &quot;%1&quot; (namespace, host or states-only)</source>
        <translation>未知的捕获方式“%1”（可用 namespace、host 或 states-only）</translation>
    </message>
    <message>
        <source>no capture in the private namespace: %1</source>
        <translation>无法在私有命名空间里抓包：%1</translation>
    </message>
    <message>
        <source>cannot create a private network namespace: %1</source>
        <translation>无法创建私有网络命名空间：%1</translation>
    </message>
    <message>
        <source>cannot capture on the host loopback: %1</source>
        <translation>无法在主机回环上抓包：%1</translation>
    </message>
    <message>
        <source>no capture permission: %1</source>
        <translation>没有抓包权限：%1</translation>
    </message>
    <message>
        <source>states-only was asked for</source>
        <translation>指定了 states-only（只看状态）</translation>
    </message>
    <message>
        <source>cannot start the capture: %1</source>
        <translation>无法开始抓包：%1</translation>
    </message>
    <message>
        <source>cannot write a pcap in states-only mode: nothing is captured (%1)</source>
        <translation>只看状态模式下无法写 pcap：没有抓到任何数据包（%1）</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>no free port on the loopback: %1</source>
        <translation>回环上没有空闲端口：%1</translation>
    </message>
    <message>
        <source>the %1 could not start: %2</source>
        <translation>%1 无法启动：%2</translation>
    </message>
    <message>
        <source>the scenario has no more steps</source>
        <translation>场景已经没有下一步了</translation>
    </message>
    <message>
        <source>step %1: no actor &quot;%2&quot;</source>
        <translation>第 %1 步：没有名为“%2”的角色</translation>
    </message>
    <message>
        <source>step %1: the %2 is still inside its previous call</source>
        <translation>第 %1 步：%2 还停在上一个调用里</translation>
    </message>
    <message>
        <source>command not found: %1</source>
        <translation>找不到命令：%1</translation>
    </message>
    <message>
        <source>cannot start a program: %1</source>
        <translation>无法启动程序：%1</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
    <message>
        <source>no command to run</source>
        <translation>没有要运行的命令</translation>
    </message>
    <message>
        <source>an empty command (nothing between two ---)</source>
        <translation>空命令（两个 --- 之间什么也没有）</translation>
    </message>
    <message>
        <source>no private network namespace for the programs (%1): socklab will not run unknown programs on the host&apos;s network</source>
        <translation>无法为程序创建私有网络命名空间（%1）：socklab 不会在主机的网络上运行未知的程序</translation>
    </message>
    <message>
        <source>cannot prepare the Python hook of the call gate: %1</source>
        <translation>无法准备调用闸门的 Python 钩子：%1</translation>
    </message>
    <message>
        <source>call gate: %1</source>
        <translation>调用闸门：%1</translation>
    </message>
    <message>
        <source>the call gate is not running</source>
        <translation>调用闸门没有在运行</translation>
    </message>
    <message>
        <source>cannot enter the lab: %1</source>
        <translation>无法进入实验环境：%1</translation>
    </message>
    <message>
        <source>%1 (pid %2) %3</source>
        <translation>%1（pid %2）%3</translation>
    </message>
    <message>
        <source>timeout: after %1 s still running: %2 (stopped with SIGTERM)</source>
        <translation>超时：%1 秒后仍在运行：%2（已用 SIGTERM 停止）</translation>
    </message>
    <message>
        <source>%1 ignored SIGTERM: killed with SIGKILL</source>
        <translation>%1 忽略了 SIGTERM：已用 SIGKILL 强制终止</translation>
    </message>
    <message>
        <source>%1 never opened a TCP or UDP socket: nothing of it to show</source>
        <translation>%1 从未打开过 TCP 或 UDP 套接字：没有可展示的内容</translation>
    </message>
    <message>
        <source>%1 listens on %2:%3, not on a loopback address; inside the lab that changes nothing: only the lab&apos;s own programs can reach it</source>
        <translation>%1 在 %2:%3 上监听，不是回环地址；在实验环境里这没有区别：只有实验环境里的程序能连到它</translation>
    </message>
    <message>
        <source>%1 is not a loopback address: socklab attaches only to programs on the host loopback (127.0.0.0/8 or ::1), and never looks at other interfaces</source>
        <translation>%1 不是回环地址：socklab 只附加到主机回环（127.0.0.0/8 或 ::1）上的程序，从不查看其他网络接口</translation>
    </message>
    <message>
        <source>write an IPv6 address as [::1]:PORT, not %1</source>
        <translation>IPv6 地址请写成 [::1]:端口，而不是 %1</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535, not &quot;%1&quot;</source>
        <translation>端口必须是 1 到 65535 之间的数字，而不是“%1”</translation>
    </message>
    <message>
        <source>already attached</source>
        <translation>已经附加</translation>
    </message>
    <message>
        <source>attaching to the host captures on the host or not at all (&quot;host&quot; or &quot;states-only&quot;), not &quot;%1&quot;</source>
        <translation>附加到主机时只能在主机上抓包或完全不抓（“host”或“states-only”），不能用“%1”</translation>
    </message>
    <message>
        <source>attach from a thread outside the lab: this one sees a lab&apos;s network, not the host&apos;s</source>
        <translation>请从实验环境之外的线程附加：这个线程看到的是实验环境的网络，而不是主机的</translation>
    </message>
    <message>
        <source>nothing can be observed: sock_diag is not available (%1)</source>
        <translation>无法观察任何东西：sock_diag 不可用（%1）</translation>
    </message>
    <message>
        <source>cannot write a pcap: no capture permission on the host, states from sock_diag only (%1)</source>
        <translation>无法写 pcap：在主机上没有抓包权限，状态只来自 sock_diag（%1）</translation>
    </message>
    <message>
        <source>no capture permission on the host: states from sock_diag only (%1)</source>
        <translation>在主机上没有抓包权限：状态只来自 sock_diag（%1）</translation>
    </message>
    <message>
        <source>%1 socket(s) on port %2 with a non-loopback address were left out</source>
        <translation>端口 %2 上有 %1 个非回环地址的套接字未纳入观察</translation>
    </message>
    <message>
        <source>the owning processes could not be read (/proc/PID/fd): actors are named by port</source>
        <translation>无法读取套接字所属的进程（/proc/PID/fd）：角色按端口命名</translation>
    </message>
    <message>
        <source>nothing used port %1 on the loopback while attached (%2 s)</source>
        <translation>附加期间（%2 秒）回环上没有程序使用端口 %1</translation>
    </message>
    <message>
        <source>the wire cannot run here: %1 (see: socklab doctor)</source>
        <translation>线路无法在这里运行：%1（见：socklab doctor）</translation>
    </message>
    <message>
        <source>--wire needs a policy, e.g. --wire loss=30%,delay=50ms</source>
        <translation>--wire 需要一个策略，例如 --wire loss=30%,delay=50ms</translation>
    </message>
    <message>
        <source>--wire: &quot;%1&quot; is not KEY=VALUE (loss, delay, jitter, rate, mtu, seed, duplicate)</source>
        <translation>--wire：“%1”不是 键=值 的形式（loss、delay、jitter、rate、mtu、seed、duplicate）</translation>
    </message>
    <message>
        <source>--wire: unknown key &quot;%1&quot; (loss, delay, jitter, rate, duplicate, each also .c2s or .s2c; mtu, seed)</source>
        <translation>--wire：未知的键“%1”（loss、delay、jitter、rate、duplicate，每个也可加 .c2s 或 .s2c；mtu、seed）</translation>
    </message>
    <message>
        <source>--wire: %1: a percentage from 0 to 100 (30%)</source>
        <translation>--wire：%1：应为 0 到 100 的百分比（30%）</translation>
    </message>
    <message>
        <source>--wire: %1: a duration with its unit, at most 60 s (50ms, 1s, 200us)</source>
        <translation>--wire：%1：应为带单位的时长，最多 60 秒（50ms、1s、200us）</translation>
    </message>
    <message>
        <source>--wire: %1: a rate of 8kbit or more (500kbit, 1mbit, 2gbit, 100kbps)</source>
        <translation>--wire：%1：应为不低于 8kbit 的速率（500kbit、1mbit、2gbit、100kbps）</translation>
    </message>
    <message>
        <source>--wire: %1: an MTU from 576 to 65536 (576, 1500, 9000)</source>
        <translation>--wire：%1：MTU 应在 576 到 65536 之间（576、1500、9000）</translation>
    </message>
    <message>
        <source>--wire: %1: a seed is a whole number</source>
        <translation>--wire：%1：种子应为整数</translation>
    </message>
    <message>
        <source>bad JSON at offset %1: %2</source>
        <translation>JSON 格式错误，位置 %1：%2</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>必须是 JSON 对象</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>未知的键</translation>
    </message>
    <message>
        <source>is required and missing</source>
        <translation>是必填项，但缺失</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be a non-empty list</source>
        <translation>必须是非空列表</translation>
    </message>
    <message>
        <source>must be a list of strings</source>
        <translation>必须是字符串列表</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a name (letters, digits, &apos;-&apos; and &apos;_&apos;)</source>
        <translation>“%1”不是合法的名字（只能用字母、数字、&apos;-&apos; 和 &apos;_&apos;）</translation>
    </message>
    <message>
        <source>actor &quot;%1&quot; is named twice</source>
        <translation>角色“%1”重复出现</translation>
    </message>
    <message>
        <source>role must be server, client or peer (got &quot;%1&quot;)</source>
        <translation>role 必须是 server、client 或 peer（实际是“%1”）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file name in this folder</source>
        <translation>“%1”不是本文件夹中的文件名</translation>
    </message>
    <message>
        <source>%1 is not in the folder</source>
        <translation>文件夹中没有 %1</translation>
    </message>
    <message>
        <source>{%1} is not a parameter of this scenario</source>
        <translation>{%1} 不是本场景的参数</translation>
    </message>
    <message>
        <source>copies &quot;%1&quot; must be &quot;{parameter}+N&quot; or a number, 1 to 64 in all</source>
        <translation>copies“%1”必须写成“{参数}+N”或一个数字，总数为 1 到 64</translation>
    </message>
    <message>
        <source>no program is actor &quot;%1&quot;</source>
        <translation>没有哪个程序的角色是“%1”</translation>
    </message>
    <message>
        <source>until &quot;%1&quot; must be a call name, line:N or exit</source>
        <translation>until“%1”必须是调用名、line:N 或 exit</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>min and max must be whole numbers with min ≤ max</source>
        <translation>min 和 max 必须是整数，且 min ≤ max</translation>
    </message>
    <message>
        <source>type must be port, int or text (got &quot;%1&quot;)</source>
        <translation>type 必须是 port、int 或 text（实际是“%1”）</translation>
    </message>
    <message>
        <source>a wait_ms step names no actor, until or calls</source>
        <translation>wait_ms 步骤不能再写 actor、until 或 calls</translation>
    </message>
    <message>
        <source>unknown caption id &quot;%1&quot;</source>
        <translation>未知的说明文字 id“%1”</translation>
    </message>
    <message>
        <source>scenario folder %1: %2: %3</source>
        <translation>场景文件夹 %1：%2：%3</translation>
    </message>
    <message>
        <source>scenario folder &quot;%1&quot;: a folder name must be letters, digits, &apos;-&apos; and &apos;_&apos;</source>
        <translation>场景文件夹“%1”：文件夹名只能用字母、数字、&apos;-&apos; 和 &apos;_&apos;</translation>
    </message>
    <message>
        <source>scenario folder %1: a built-in scenario has this id; rename the folder (%2)</source>
        <translation>场景文件夹 %1：内置场景已使用这个 id，请给文件夹改名（%2）</translation>
    </message>
    <message>
        <source>cannot copy the scenario&apos;s programs to run them: %1</source>
        <translation>无法复制场景的程序来运行：%1</translation>
    </message>
    <message>
        <source>%1 is %2 bytes; the limit is %3</source>
        <translation>%1 有 %2 字节，上限是 %3</translation>
    </message>
    <message>
        <source>raises &quot;%1&quot; must be a Python exception name, on a step with until a call</source>
        <translation>raises“%1”必须是 Python 异常的名字，并且用在带 until 调用名的步骤上</translation>
    </message>
    <message>
        <source>repeat &quot;%1&quot; must be &quot;{parameter}+N&quot; or a number, 1 to 64 in all</source>
        <translation>repeat“%1”必须是“{参数}+N”或一个数字，总数 1 到 64</translation>
    </message>
    <message>
        <source>a repeated group holds plain steps (no repeat, no steps)</source>
        <translation>重复的步骤组里只能放普通步骤（不能再有 repeat 或 steps）</translation>
    </message>
    <message>
        <source>framing kind must be delimiter, length-prefix or per-recv (got &quot;%1&quot;)</source>
        <translation>framing 的 kind 必须是 delimiter、length-prefix 或 per-recv（得到的是“%1”）</translation>
    </message>
    <message>
        <source>list must be {&quot;separator&quot;: one character, &quot;max_items&quot;: 1 to 1000}</source>
        <translation>list 必须写成 {&quot;separator&quot;: 一个字符, &quot;max_items&quot;: 1 到 1000}</translation>
    </message>
    <message>
        <source>not_in &quot;%1&quot; must name another text parameter</source>
        <translation>not_in“%1”必须是另一个文本参数的名字</translation>
    </message>
    <message>
        <source>the default fails its own checks: %1</source>
        <translation>默认值没有通过它自己的检查：%1</translation>
    </message>
    <message>
        <source>the wire policy is wrong: %1</source>
        <translation>线路策略有误：%1</translation>
    </message>
    <message>
        <source>wire action &quot;%1&quot; must be drop-next, hold-next, release, drop-held or pass</source>
        <translation>线路动作“%1”必须是 drop-next、hold-next、release、drop-held 或 pass</translation>
    </message>
    <message>
        <source>match &quot;%1&quot; must be SYN, SYN-ACK, FIN, RST, data, ack, udp or any</source>
        <translation>match“%1”必须是 SYN、SYN-ACK、FIN、RST、data、ack、udp 或 any</translation>
    </message>
    <message>
        <source>direction &quot;%1&quot; must be c2s, s2c or any</source>
        <translation>direction“%1”必须是 c2s、s2c 或 any</translation>
    </message>
    <message>
        <source>count must be a whole number from 1 to 100000 or &quot;all&quot;</source>
        <translation>count 必须是 1 到 100000 的整数或 &quot;all&quot;</translation>
    </message>
    <message>
        <source>only drop-next and hold-next take this key (the action is &quot;%1&quot;)</source>
        <translation>只有 drop-next 和 hold-next 接受这个键（这里的动作是“%1”）</translation>
    </message>
    <message>
        <source>a step&apos;s wire action needs the folder&apos;s &quot;wire&quot; policy (e.g. &quot;wire&quot;: &quot;mtu=1500&quot;)</source>
        <translation>步骤的线路动作需要文件夹的 &quot;wire&quot; 策略（例如 &quot;wire&quot;: &quot;mtu=1500&quot;）</translation>
    </message>
    <message>
        <source>stopped by %1</source>
        <translation>已被 %1 中止</translation>
    </message>
    <message>
        <source>a scenario folder named %1 exists already (%2): choose another name</source>
        <translation>已有名为 %1 的场景文件夹（%2）：请换一个名字</translation>
    </message>
    <message>
        <source>cannot write the scenario folder %1: %2</source>
        <translation>无法写入场景文件夹 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a Python program (%2): a scenario folder runs Python files only</source>
        <translation>%1 不是 Python 程序（%2）：场景文件夹只能运行 Python 文件</translation>
    </message>
    <message>
        <source>this recording ran none of your programs: run them with Run my programs… first</source>
        <translation>这段录制没有运行你自己的程序：请先用“运行我的程序…”运行它们</translation>
    </message>
    <message>
        <source>the scenario needs an English title</source>
        <translation>场景需要一个英文标题</translation>
    </message>
    <message>
        <source>%1 is the id of a lesson: choose another name</source>
        <translation>%1 是课程场景的名字：请换一个名字</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>the file was not written completely (is the disk full?)</source>
        <translation>文件没有完整写入（磁盘满了吗？）</translation>
    </message>
    <message>
        <source>--session needs a session file</source>
        <translation>--session 需要一个会话文件</translation>
    </message>
    <message>
        <source>a scenario id or --session FILE, not both</source>
        <translation>请给出场景 id 或 --session 文件，不能同时给出</translation>
    </message>
    <message>
        <source>step %1 is out of range: %2 has %3 steps</source>
        <translation>第 %1 步超出范围：%2 只有 %3 步</translation>
    </message>
    <message>
        <source>--save needs a file name</source>
        <translation>--save 需要一个文件名</translation>
    </message>
    <message>
        <source>--save records programs run in the lab, not --attach</source>
        <translation>--save 记录在实验环境中运行的程序，不能与 --attach 一起使用</translation>
    </message>
    <message>
        <source>unknown option for replay: %1</source>
        <translation>replay 不认识的选项：%1</translation>
    </message>
    <message>
        <source>replay takes one session file (got &quot;%1&quot; and &quot;%2&quot;)</source>
        <translation>replay 只接受一个会话文件（收到了“%1”和“%2”）</translation>
    </message>
    <message>
        <source>replay needs a session file: socklab replay FILE [--json]</source>
        <translation>replay 需要一个会话文件：socklab replay FILE [--json]</translation>
    </message>
</context>
<context>
    <name>RunProgramsDialog</name>
    <message>
        <source>TCP server and client (sections 2–3)</source>
        <translation>TCP 服务端与客户端（第 2–3 节）</translation>
    </message>
    <message>
        <source>UDP server and client</source>
        <translation>UDP 服务端与客户端</translation>
    </message>
    <message>
        <source>Homework: server back to accept() after ##</source>
        <translation>作业：收到 ## 后服务端回到 accept()</translation>
    </message>
    <message>
        <source>Sticky packets</source>
        <translation>粘包</translation>
    </message>
    <message>
        <source>Fix 1: end-of-message marker</source>
        <translation>解决办法 1：消息结尾标志</translation>
    </message>
    <message>
        <source>Fix 2: length before each message</source>
        <translation>解决办法 2：每条消息前加长度</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <source>Send and receive buffers, zero window</source>
        <translation>收发缓冲区与零窗口</translation>
    </message>
    <message>
        <source>listen(n): a full accept queue drops SYNs</source>
        <translation>listen(n)：监听队列满时 SYN 被丢弃</translation>
    </message>
    <message>
        <source>TIME_WAIT holds the port: SO_REUSEADDR</source>
        <translation>TIME_WAIT 占住端口，SO_REUSEADDR 来解决</translation>
    </message>
    <message>
        <source>Homework: serve the next client</source>
        <translation>作业：接着服务下一个客户端</translation>
    </message>
    <message>
        <source>127.0.0.1 or 0.0.0.0: which bind accepts what</source>
        <translation>127.0.0.1 还是 0.0.0.0：绑定哪个地址接受哪些连接</translation>
    </message>
    <message>
        <source>Fix 1: an end marker after each message</source>
        <translation>解决办法 1：每条消息后加结尾标志</translation>
    </message>
    <message>
        <source>Fix 2: a header with the length (&quot;Y 18 abcd…&quot;)</source>
        <translation>解决办法 2：带长度的报头（&quot;Y 18 abcd…&quot;）</translation>
    </message>
    <message>
        <source>Fix 3: take turns, one message per recv()</source>
        <translation>解决办法 3：一问一答，每次 recv() 一条消息</translation>
    </message>
    <message>
        <source>Three-way handshake</source>
        <translation>三次握手</translation>
    </message>
    <message>
        <source>Echo: the lesson&apos;s server and client</source>
        <translation>回显：课程中的服务端与客户端</translation>
    </message>
    <message>
        <source>Four-way teardown</source>
        <translation>四次挥手</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>Broken pipe: send() after the peer left</source>
        <translation>管道破裂：对方离开后再 send()</translation>
    </message>
    <message>
        <source>Reset: close() with unread data</source>
        <translation>重置：带着未读数据 close()</translation>
    </message>
    <message>
        <source>Sticky packets: message boundaries lost</source>
        <translation>粘包：消息边界丢失</translation>
    </message>
    <message>
        <source>UDP: datagrams, truncation, port unreachable</source>
        <translation>UDP：数据报、截断与端口不可达</translation>
    </message>
</context>
<context>
    <name>ScenarioTitle</name>
    <message>
        <source>en</source>
        <comment>title language</comment>
        <extracomment>The language of a scenario folder&apos;s title to show: &quot;zh_CN&quot; in the Chinese translation.</extracomment>
        <translation>zh_CN</translation>
    </message>
    <message>
        <source>%1 (your folder)</source>
        <translation>%1（你的文件夹）</translation>
    </message>
</context>
<context>
    <name>TextFormatter</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>(port unreachable)</source>
        <translation>（端口不可达）</translation>
    </message>
    <message>
        <source>(derived)</source>
        <translation>（推导）</translation>
    </message>
    <message>
        <source>private network namespace, packets captured on its loopback</source>
        <translation>私有网络命名空间，在它自己的回环上抓包</translation>
    </message>
    <message>
        <source>host loopback, packets captured for this session&apos;s ports only</source>
        <translation>主机回环，只抓本次会话端口的数据包</translation>
    </message>
    <message>
        <source>no capture permission: states from the kernel, segments derived</source>
        <translation>没有抓包权限：状态来自内核，报文为推导</translation>
    </message>
    <message>
        <source>capture: %1 (%2)</source>
        <translation>捕获：%1（%2）</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>错误 %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>(datagram of %1 bytes truncated)</source>
        <translation>（%1 字节的数据报被截断）</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>端口 %1</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>推导</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source> (%1: %2)</source>
        <translation>（%1：%2）</translation>
    </message>
    <message>
        <source>timer %1: %2 ms left (kernel: sock_diag)</source>
        <translation>%1 定时器：剩余 %2 毫秒（内核：sock_diag）</translation>
    </message>
    <message>
        <source>accept queue %1/%2</source>
        <translation>全连接队列 %1/%2</translation>
    </message>
    <message>
        <source>step %1: %2 %3()</source>
        <translation>第 %1 步：%2 %3()</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source> — uncertain: capture lost packets</source>
        <translation> —— 不确定：抓包丢失了数据包</translation>
    </message>
    <message>
        <source>(dropped by the wire: never arrived)</source>
        <translation>（被线路丢弃：从未到达）</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>扣住</translation>
    </message>
    <message>
        <source>release after %1 ms</source>
        <translation>扣住 %1 毫秒后放行</translation>
    </message>
    <message>
        <source>delay %1 ms</source>
        <translation>延迟 %1 毫秒</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>reorder</source>
        <translation>乱序</translation>
    </message>
    <message>
        <source>wire</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>step %1: %2</source>
        <translation>第 %1 步：%2</translation>
    </message>
    <message>
        <source>(delayed %1 ms by the wire)</source>
        <translation>（被线路延迟 %1 毫秒）</translation>
    </message>
</context>
<context>
    <name>TimeSeqView</name>
    <message>
        <source>No TCP segment yet: the time–sequence graph draws a connection&apos;s sequence numbers over time.</source>
        <translation>还没有 TCP 报文段：时间–序号图画出一条连接的序号随时间的变化。</translation>
    </message>
    <message>
        <source>%1 → %2: sequence numbers over time (port %3 → %4)</source>
        <translation>%1 → %2：序号随时间变化（端口 %3 → %4）</translation>
    </message>
    <message>
        <source>sender</source>
        <translation>发送方</translation>
    </message>
    <message>
        <source>receiver</source>
        <translation>接收方</translation>
    </message>
    <message numerus="yes">
        <source>%n retransmission(s)</source>
        <translation>
            <numerusform>重传 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropped by the wire</source>
        <translation>
            <numerusform>线路丢弃 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>segment</source>
        <translation>报文段</translation>
    </message>
    <message>
        <source>retransmission</source>
        <translation>重传</translation>
    </message>
    <message>
        <source>dropped by the wire</source>
        <translation>被线路丢弃</translation>
    </message>
    <message>
        <source>held by the wire</source>
        <translation>被线路扣住</translation>
    </message>
    <message>
        <source>ACK</source>
        <translation>ACK（确认）</translation>
    </message>
    <message>
        <source>window edge</source>
        <translation>窗口右沿</translation>
    </message>
    <message>
        <source>time since the first segment</source>
        <translation>自第一个报文段起的时间</translation>
    </message>
    <message>
        <source>relative sequence number</source>
        <translation>相对序号</translation>
    </message>
</context>
<context>
    <name>WireCaptions</name>
    <message>
        <source>%1 (read from the kernel)</source>
        <translation>%1（从内核读取）</translation>
    </message>
    <message>
        <source>%1 (derived: no probe saw it in time)</source>
        <translation>%1（推导得出：探测没来得及看到）</translation>
    </message>
    <message>
        <source>%1 (not observed)</source>
        <translation>%1（未观察到）</translation>
    </message>
    <message>
        <source>The client calls connect(); its SYN has not been dropped by the wire in this run.</source>
        <translation>客户端调用 connect()；这次运行中线路没有丢掉它的 SYN。</translation>
    </message>
    <message>
        <source>socklab&apos;s wire drops the client&apos;s first SYN (ISN %1). connect() blocks; the client&apos;s socket is in %2.</source>
        <translation>socklab 的线路丢掉了客户端的第一个 SYN（ISN %1）。connect() 阻塞；客户端的套接字处于 %2。</translation>
    </message>
    <message>
        <source>No SYN,ACK comes; the kernel has not sent the SYN again yet.</source>
        <translation>没有 SYN,ACK 回来；内核还没有重发 SYN。</translation>
    </message>
    <message>
        <source>No SYN,ACK comes, so after %1 ms (its first retransmission timeout, 1 s) the client&apos;s kernel sends the SYN again, with the same sequence number %2.</source>
        <translation>没有 SYN,ACK 回来，于是 %1 毫秒后（第一次重传超时，1 秒）客户端内核再次发送 SYN，序号还是 %2。</translation>
    </message>
    <message>
        <source>This one passes; the handshake completes and connect() returns %1 only now, %2 ms after it was called.</source>
        <translation>这一次通过了；握手完成，connect() 直到这时才返回 %1，距调用已过去 %2 毫秒。</translation>
    </message>
    <message>
        <source>The client connects through the wire. Its SYN announces MSS %1: the lab&apos;s MTU is %2 bytes, less 20 bytes of IP header and 20 of TCP header. On plain loopback (MTU 65536) it would announce 65483.</source>
        <translation>客户端经过线路连接。它的 SYN 宣告 MSS %1：实验室的 MTU 是 %2 字节，减去 20 字节 IP 首部和 20 字节 TCP 首部。在普通回环（MTU 65536）上它会宣告 65483。</translation>
    </message>
    <message>
        <source>The client calls send() once with %1 bytes and it returns %2. On the wire they are %3 segments of at most %4 payload bytes.</source>
        <translation>客户端只调用一次 send()，发送 %1 字节，返回 %2。线路上它们是 %3 个报文段，每段最多 %4 字节数据。</translation>
    </message>
    <message>
        <source>Every segment carries the timestamp option (TSval %1 … %2): its 12 bytes come out of the MSS, 1460 − 12 = 1448.</source>
        <translation>每个报文段都带时间戳选项（TSval %1 … %2）：它的 12 字节占用了 MSS，1460 − 12 = 1448。</translation>
    </message>
    <message>
        <source>On loopback without the wire (MTU 65536) the same send() would be one segment.</source>
        <translation>在没有线路的回环上（MTU 65536），同样的 send() 只是一个报文段。</translation>
    </message>
    <message>
        <source>The server&apos;s recv(MSG_WAITALL) returns all %1 bytes at once: its kernel joined the %2 segments into one byte stream — TCP keeps no message boundaries.</source>
        <translation>服务端的 recv(MSG_WAITALL) 一次返回全部 %1 字节：它的内核把 %2 个报文段拼回一个字节流——TCP 不保留消息边界。</translation>
    </message>
    <message>
        <source>The client sends %1 segments; the wire dropped none of them in this run.</source>
        <translation>客户端发送了 %1 个报文段；这次运行中线路一个也没有丢。</translation>
    </message>
    <message>
        <source>The client calls send() once: its kernel cuts the bytes into %1 segments, and socklab&apos;s wire drops one of them (seq=%2, %3 bytes). The server&apos;s kernel receives the later ones out of order and answers each at once with the same ack=%2: %4 duplicate ACKs, %5 of them with SACK blocks naming the bytes that did arrive.</source>
        <translation>客户端只调用一次 send()：它的内核把字节切成 %1 个报文段，socklab 的线路丢掉其中一个（seq=%2，%3 字节）。服务端内核乱序收到后面的报文段，每收到一个就立即回复同样的 ack=%2：%4 个重复 ACK，其中 %5 个带 SACK 块，指明哪些字节已经到达。</translation>
    </message>
    <message>
        <source>That tells the client&apos;s kernel what is missing: it sends seq=%1 again %2 ms after the first copy (fast retransmit), without waiting for a timeout.</source>
        <translation>这告诉客户端内核缺了什么：它在第一份发出 %2 毫秒后重发 seq=%1（快速重传），不必等超时。</translation>
    </message>
    <message>
        <source>The missing segment has not been sent again yet.</source>
        <translation>缺失的报文段还没有重发。</translation>
    </message>
    <message>
        <source>The client sends its last message; the wire dropped nothing in this run.</source>
        <translation>客户端发送最后一条消息；这次运行中线路什么也没丢。</translation>
    </message>
    <message>
        <source>The client sends its last message (%1 bytes, seq=%2) and the wire drops it too. Nothing comes after it, so no duplicate ACK can tell the sender: only a timer can.</source>
        <translation>客户端发送最后一条消息（%1 字节，seq=%2），线路也把它丢了。它后面再没有报文段，所以没有重复 ACK 能提醒发送方：只有计时器可以。</translation>
    </message>
    <message>
        <source>After %1 ms the client&apos;s kernel sends seq=%2 again by itself (a timeout retransmission — on Linux the tail-loss probe fires before the full retransmission timeout).</source>
        <translation>%1 毫秒后客户端内核自己重发 seq=%2（超时重传——在 Linux 上，尾部丢失探测会在完整的重传超时之前触发）。</translation>
    </message>
    <message>
        <source>It has not been sent again yet.</source>
        <translation>它还没有被重发。</translation>
    </message>
    <message>
        <source>The server&apos;s recv() returns the %1 bytes of the last message: it arrived on the second try.</source>
        <translation>服务端的 recv() 返回最后一条消息的 %1 字节：它第二次才送到。</translation>
    </message>
    <message>
        <source>recv(MSG_WAITALL) returns %1 bytes, in order: the bytes after the hole waited in the server&apos;s kernel until the retransmitted segment filled it. The program never sees the loss.</source>
        <translation>recv(MSG_WAITALL) 按顺序返回 %1 字节：缺口后面的字节在服务端内核里等着，直到重传的报文段补上缺口。程序根本看不到丢失。</translation>
    </message>
    <message>
        <source>The %1 calls close(); the wire held no FIN in this run.</source>
        <translation>%1调用 close()；这次运行中线路没有扣住 FIN。</translation>
    </message>
    <message>
        <source>The server calls close() too, before the client&apos;s FIN has reached it: its kernel sends its own FIN (seq=%1), also held, and its socket is in %2. Two FINs are on the wire at once.</source>
        <translation>服务端也调用 close()，这时客户端的 FIN 还没到达：它的内核发出自己的 FIN（seq=%1），同样被扣住，它的套接字处于 %2。线路上同时有两个 FIN。</translation>
    </message>
    <message>
        <source>The %1 calls close(): its kernel sends FIN (seq=%2) and socklab holds it on the wire. The %1&apos;s socket is in %3; the %4&apos;s is in %5.</source>
        <translation>%1调用 close()：它的内核发出 FIN（seq=%2），socklab 把它扣在线路上。%1的套接字处于 %3；%4的处于 %5。</translation>
    </message>
    <message>
        <source>A packet held in the wire&apos;s queue still counts as in the host&apos;s queue, so the kernel does not send it again.</source>
        <translation>扣在线路队列里的报文仍算作“还在本机队列中”，所以内核不会重发它。</translation>
    </message>
    <message>
        <source>socklab drops the held FIN; none was held in this run.</source>
        <translation>socklab 丢弃被扣住的 FIN；这次运行中没有扣住任何 FIN。</translation>
    </message>
    <message>
        <source>socklab drops the held FIN.</source>
        <translation>socklab 丢弃被扣住的 FIN。</translation>
    </message>
    <message>
        <source>The client&apos;s kernel has not sent it again yet.</source>
        <translation>客户端内核还没有重发它。</translation>
    </message>
    <message>
        <source>No ACK comes, so the client&apos;s kernel sends the FIN again %1 ms later, with the same seq=%2. This copy passes and the server&apos;s kernel acknowledges it: the client&apos;s socket is in %3, the server&apos;s in %4, and the server&apos;s recv() returns b&apos;&apos;.</source>
        <translation>没有 ACK 回来，于是客户端内核在 %1 毫秒后重发 FIN，seq 仍是 %2。这一份通过了，服务端内核确认了它：客户端的套接字处于 %3，服务端的处于 %4，服务端的 recv() 返回 b&apos;&apos;。</translation>
    </message>
    <message>
        <source>socklab drops the server&apos;s FIN too; %1 ms later its kernel sends it again (seq=%2).</source>
        <translation>socklab 把服务端的 FIN 也丢掉；%1 毫秒后它的内核重发了它（seq=%2）。</translation>
    </message>
    <message>
        <source>The client&apos;s kernel answers ACK and keeps the connection in %1 for %2 s; the ACK ends the server&apos;s socket.</source>
        <translation>客户端内核回复 ACK，并让连接在 %1 中停留 %2 秒；这个 ACK 结束了服务端的套接字。</translation>
    </message>
    <message>
        <source>socklab lets both FINs cross and holds every packet that follows them (the ACKs, the FINs sent again). Each kernel has received the other&apos;s FIN while its own is not yet acknowledged, so both sockets go to CLOSING: the client&apos;s %1, the server&apos;s %2.</source>
        <translation>socklab 让两个 FIN 交错而过，并扣住它们之后的每一个报文（ACK、重发的 FIN）。每个内核都在自己的 FIN 尚未被确认时收到了对方的 FIN，于是两个套接字都进入 CLOSING：客户端 %1，服务端 %2。</translation>
    </message>
    <message>
        <source>Without an ACK the kernels send their FINs again (%1 FINs sent again, held on the wire).</source>
        <translation>等不到 ACK，两个内核都重发自己的 FIN（重发了 %1 个 FIN，都扣在线路上）。</translation>
    </message>
    <message>
        <source>socklab lets them go: each FIN is acknowledged and both sockets enter TIME_WAIT — the client&apos;s %1, the server&apos;s %2. In a simultaneous close both sides wait, not only one.</source>
        <translation>socklab 放行它们：每个 FIN 都得到确认，两个套接字都进入 TIME_WAIT——客户端 %1，服务端 %2。同时关闭时双方都要等待，而不只是一方。</translation>
    </message>
    <message>
        <source>The client sends %1 numbered datagrams with sendto(); every call returns at once. socklab&apos;s wire (loss %2%, seed %3) drops %4 of them: numbers %5. UDP has no acknowledgement: nobody notices, nothing is sent again.</source>
        <translation>客户端用 sendto() 发送 %1 个编号数据报；每次调用都立即返回。socklab 的线路（丢包率 %2%，种子 %3）丢掉了其中 %4 个：编号 %5。UDP 没有确认：没人察觉，也不会重发。</translation>
    </message>
    <message>
        <source>Now the client connects over TCP through the same lossy wire.</source>
        <translation>现在客户端经过同一条会丢包的线路建立 TCP 连接。</translation>
    </message>
    <message>
        <source>Now the client connects over TCP through the same lossy wire: %1 handshake segments are lost and sent again; connect() returns %2 after %3 ms.</source>
        <translation>现在客户端经过同一条会丢包的线路建立 TCP 连接：%1 个握手报文段丢失后被重发；connect() 在 %3 毫秒后返回 %2。</translation>
    </message>
    <message>
        <source>The client sends the same %1 messages over TCP and closes. The wire drops %2 TCP segments (data and ACKs alike); the client&apos;s kernel sends %3 segments again until the server&apos;s kernel has acknowledged every byte.</source>
        <translation>客户端通过 TCP 发送同样的 %1 条消息，然后关闭。线路丢掉了 %2 个 TCP 报文段（数据和 ACK 都有）；客户端内核重发了 %3 个报文段，直到服务端内核确认了每一个字节。</translation>
    </message>
    <message>
        <source>The server has not told what TCP delivered.</source>
        <translation>服务端还没有报告 TCP 送达了什么。</translation>
    </message>
    <message>
        <source>TCP delivered %1 of %2 messages, in order.</source>
        <translation>TCP 送达了 %2 条消息中的 %1 条，顺序正确。</translation>
    </message>
    <message>
        <source>TCP delivered %1 of %2 messages, not in order.</source>
        <translation>TCP 送达了 %2 条消息中的 %1 条，顺序不对。</translation>
    </message>
    <message>
        <source>UDP delivered %1 of %2: %3 lost for good. TCP is connection-oriented and reliable; UDP is connectionless and unreliable.</source>
        <translation>UDP 送达了 %2 条中的 %1 条：%3 条永远丢失了。TCP 面向连接、可靠；UDP 无连接、不可靠。</translation>
    </message>
    <message>
        <source>send() returns %1: the connection works as if nothing had happened. The program never learned that a SYN was lost; only its connect() took longer.</source>
        <translation>send() 返回 %1：连接照常工作，好像什么都没发生。程序根本不知道丢过一个 SYN；只是它的 connect() 花了更长时间。</translation>
    </message>
</context>
<context>
    <name>socklab::AttachDialog</name>
    <message>
        <source>Attach</source>
        <translation>附加</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Attach to a running program</source>
        <translation>附加到正在运行的程序</translation>
    </message>
    <message>
        <source>port, e.g. 8888 or 127.0.0.1:8888</source>
        <translation>端口，例如 8888 或 127.0.0.1:8888</translation>
    </message>
    <message>
        <source>until Stop</source>
        <translation>直到按“停止”</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Watches a port of programs already running on this computer&apos;s loopback (127.0.0.1 or ::1). socklab only looks: it sends nothing to them.</source>
        <translation>观察本机回环地址（127.0.0.1 或 ::1）上已在运行的程序所用的端口。socklab 只看不碰：不会向它们发送任何数据。</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Watch for:</source>
        <translation>观察时长：</translation>
    </message>
    <message>
        <source>Cannot attach: %1</source>
        <translation>无法附加：%1</translation>
    </message>
    <message>
        <source>Attached to port %1: packets and kernel states.</source>
        <translation>已附加到端口 %1：报文和内核状态。</translation>
    </message>
    <message>
        <source>Attached to port %1 — STATES ONLY: no capture permission on the host, so the states come from sock_diag and no packet is shown.</source>
        <translation>已附加到端口 %1 —— 仅状态：本机没有抓包权限，状态来自 sock_diag，不显示任何报文。</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n event(s) recorded.</source>
        <translation>
            <numerusform>结束：共记录了 %n 个事件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished: nothing used port %1 on the loopback.</source>
        <translation>结束：回环地址上没有程序使用端口 %1。</translation>
    </message>
</context>
<context>
    <name>socklab::CodeEditor</name>
    <message>
        <source>Click a line (or press F9) to stop your program at its next socket call there</source>
        <translation>点击某一行（或按 F9）：程序下次在这一行调用套接字函数时停下</translation>
    </message>
</context>
<context>
    <name>socklab::CodePane</name>
    <message>
        <source>No code to show for this session.</source>
        <translation>这个会话没有可显示的代码。</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <source>blocked in %1</source>
        <translation>阻塞在 %1</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>socklab::ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>socklab::EventLogModel</name>
    <message>
        <source>call</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>return</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>报文</translation>
    </message>
    <message>
        <source>datagram</source>
        <translation>数据报</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>timer</source>
        <translation>计时器</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>推导</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>Inferred by socklab from the protocol</source>
        <translation>由 socklab 根据协议推断</translation>
    </message>
    <message>
        <source>Observed in the kernel</source>
        <translation>在内核中观察到</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>wire</source>
        <translation>线路</translation>
    </message>
</context>
<context>
    <name>socklab::EventLogPane</name>
    <message>
        <source>Follow cursor</source>
        <translation>跟随光标</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Actor:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>All actors</source>
        <translation>全部角色</translation>
    </message>
</context>
<context>
    <name>socklab::ExportActions</name>
    <message>
        <source>Export view as PNG/SVG/PDF…</source>
        <translation>将视图导出为 PNG/SVG/PDF…</translation>
    </message>
    <message>
        <source>Export lecture notes PDF…</source>
        <translation>导出讲义 PDF…</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>复制图片</translation>
    </message>
    <message>
        <source>Could not export the view: %1</source>
        <translation>无法导出视图：%1</translation>
    </message>
    <message>
        <source>Could not export the lecture notes: %1</source>
        <translation>无法导出讲义：%1</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <source>Images (*.png *.svg *.pdf)</source>
        <translation>图片（*.png *.svg *.pdf）</translation>
    </message>
    <message>
        <source>Export lecture notes</source>
        <translation>导出讲义</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档（*.pdf）</translation>
    </message>
    <message>
        <source>Exported the view as %1</source>
        <translation>已将视图导出为 %1</translation>
    </message>
    <message>
        <source>Wrote the lecture notes as %1</source>
        <translation>已将讲义写入 %1</translation>
    </message>
    <message>
        <source>Copied the view to the clipboard: paste it into your slides or notes</source>
        <translation>已将视图复制到剪贴板：可粘贴到幻灯片或笔记中</translation>
    </message>
</context>
<context>
    <name>socklab::LadderView</name>
    <message>
        <source>Drop: lose this packet; the sender&apos;s kernel will send it again if it is TCP (F8)</source>
        <translation>丢弃：让这个包丢失；如果是 TCP，发送方的内核会重发它（F8）</translation>
    </message>
    <message>
        <source>Release: let this packet go on to its receiver (F7)</source>
        <translation>放行：让这个包继续发往接收方（F7）</translation>
    </message>
</context>
<context>
    <name>socklab::LessonViewsPane</name>
    <message>
        <source>Byte stream</source>
        <translation>字节流</translation>
    </message>
    <message>
        <source>Buffers</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>监听队列</translation>
    </message>
    <message>
        <source>What send() wrote and what each recv() got: message boundaries are not kept</source>
        <translation>send() 写入了什么、每次 recv() 取到了什么：消息边界不会被保留</translation>
    </message>
    <message>
        <source>Send and receive queues, the advertised window, zero-window probes</source>
        <translation>发送缓冲区与接收缓冲区、通告的窗口、零窗口探测</translation>
    </message>
    <message>
        <source>The listen() accept queue: finished connections waiting for accept()</source>
        <translation>listen() 的监听队列：已完成握手、等待 accept() 取走的连接</translation>
    </message>
    <message>
        <source>Time–sequence</source>
        <translation>时间–序号</translation>
    </message>
    <message>
        <source>Sequence numbers over time: each segment a bar, the ACKs a line, retransmissions and drops marked</source>
        <translation>序号随时间变化：每个报文段一根竖条，确认号是一条线，重传和丢弃都有标记</translation>
    </message>
</context>
<context>
    <name>socklab::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save session…</source>
        <translation>保存会话(&amp;S)…</translation>
    </message>
    <message>
        <source>Export &amp;pcap…</source>
        <translation>导出 pcap(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>术语表(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About socklab</source>
        <translation>关于 socklab(&amp;A)</translation>
    </message>
    <message>
        <source>The Chinese translation could not be loaded.</source>
        <translation>无法加载中文翻译。</translation>
    </message>
    <message>
        <source>socklab — %1</source>
        <translation>socklab — %1</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3 %4()</source>
        <translation>第 %1 / %2 步 · %3 %4()</translation>
    </message>
    <message>
        <source>Capture: %1</source>
        <translation>抓包：%1</translation>
    </message>
    <message>
        <source>Replaying a saved session: no sockets are opened.</source>
        <translation>正在回放已保存的会话：不会打开任何套接字。</translation>
    </message>
    <message>
        <source>%1 of %2 steps run on real sockets. Step past the end to run the next one.</source>
        <translation>已在真实套接字上执行 %1 / %2 步。走到记录末尾再按“单步”即可执行下一步。</translation>
    </message>
    <message>
        <source>All %1 steps have run. Step back to replay, or Reset for fresh sockets.</source>
        <translation>全部 %1 步已执行完。可以后退回放，或按“重置”使用新的套接字重来。</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>socklab sessions (*.socklab.json *.json)</source>
        <translation>socklab 会话（*.socklab.json *.json）</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Export pcap</source>
        <translation>导出 pcap</translation>
    </message>
    <message>
        <source>Packet captures (*.pcap)</source>
        <translation>抓包文件（*.pcap）</translation>
    </message>
    <message>
        <source>Run my programs…</source>
        <translation>运行我的程序…</translation>
    </message>
    <message>
        <source>Run your own server and client in the lab and watch them here</source>
        <translation>在实验环境中运行你自己写的服务端和客户端，并在这里观察它们</translation>
    </message>
    <message>
        <source>socklab — your programs</source>
        <translation>socklab — 你的程序</translation>
    </message>
    <message>
        <source>Your own programs, recorded in the lab: step through, save or export it.</source>
        <translation>你自己的程序，已在实验环境中录下：可以逐步查看、保存或导出。</translation>
    </message>
    <message>
        <source>Capture lost %1 packets: the timeline has gaps there, and states derived after them are marked uncertain.</source>
        <translation>抓包丢失了 %1 个数据包：时间线在那里有缺口，之后推导出的状态标记为不确定。</translation>
    </message>
    <message>
        <source>Your programs&apos; socket calls are recorded here: Step (→) walks through them one call at a time, with what each one caused.</source>
        <translation>这里记录了你的程序的套接字调用：按 单步（→）逐个调用查看，以及每个调用引起的一切。</translation>
    </message>
    <message>
        <source>■ End: all %1 steps have run. Back (←) replays them; Reset (Ctrl+Shift+R) starts again with fresh sockets; or choose another scenario.</source>
        <translation>■ 结束：全部 %1 步都已运行。按 后退（←）回放；按 重置（Ctrl+Shift+R）用新的套接字重新开始；或选择另一个场景。</translation>
    </message>
    <message>
        <source>■ End of the recording. Back (←) or Home replays it from the start.</source>
        <translation>■ 录制结束。按 后退（←）或 Home 从头回放。</translation>
    </message>
    <message>
        <source>Running step %1 on real sockets…</source>
        <translation>正在真实套接字上执行第 %1 步…</translation>
    </message>
    <message>
        <source>Opening the lab…</source>
        <translation>正在打开实验室…</translation>
    </message>
    <message>
        <source>Leave your programs&apos; recording?</source>
        <translation>离开你的程序的录制？</translation>
    </message>
    <message>
        <source>The recording of your programs is not saved. Open the scenario “%1” and discard it?</source>
        <translation>你的程序的录制还没有保存。打开场景“%1”并丢弃这次录制吗？</translation>
    </message>
    <message>
        <source>Discard and open</source>
        <translation>丢弃并打开</translation>
    </message>
    <message>
        <source>Save it first…</source>
        <translation>先保存…</translation>
    </message>
    <message>
        <source>&amp;New scenario from my programs…</source>
        <translation>用我的程序新建场景(&amp;N)…</translation>
    </message>
    <message>
        <source>Save the programs of this run as a scenario folder of your own, listed after the lessons</source>
        <translation>把这次运行的程序保存为你自己的场景文件夹，列在课程场景之后</translation>
    </message>
    <message>
        <source>Cannot make a scenario of this recording: %1</source>
        <translation>无法用这段录制新建场景：%1</translation>
    </message>
    <message>
        <source>Saved as the scenario %1 in %2: it is in the list now, and socklab run %1 runs it</source>
        <translation>已保存为场景 %1（%2）：它已在列表中，socklab run %1 也能运行它</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Saving the session as %1…</source>
        <translation>正在将会话保存为 %1…</translation>
    </message>
</context>
<context>
    <name>socklab::NarrationBar</name>
    <message>
        <source>Press Step (→) to make the first socket call. Each step runs on real sockets; Back (←) replays what was recorded.</source>
        <translation>按“单步”（→）发起第一个套接字调用。每一步都在真实的套接字上执行；“后退”（←）回放已记录的内容。</translation>
    </message>
    <message>
        <source>* = derived from segments (not seen directly by polling the kernel)</source>
        <translation>* = 由报文推导（轮询内核时无法直接看到）</translation>
    </message>
</context>
<context>
    <name>socklab::NewScenarioDialog</name>
    <message>
        <source>New scenario from my programs</source>
        <translation>用我的程序新建场景</translation>
    </message>
    <message>
        <source>e.g. My echo server</source>
        <translation>例如 My echo server</translation>
    </message>
    <message>
        <source>optional, e.g. 我的回声服务器</source>
        <translation>可选，例如 我的回声服务器</translation>
    </message>
    <message>
        <source>The programs are saved exactly as they ran, with their arguments. Without steps, each Step releases the next socket call.</source>
        <translation>程序按运行时的原样保存，连同它们的参数。没有步骤时，每按一次“单步”放行下一个套接字调用。</translation>
    </message>
    <message>
        <source>Folder name:</source>
        <translation>文件夹名：</translation>
    </message>
    <message>
        <source>Title (English):</source>
        <translation>标题（英文）：</translation>
    </message>
    <message>
        <source>Title (Chinese):</source>
        <translation>标题（中文）：</translation>
    </message>
    <message>
        <source>Programs:</source>
        <translation>程序：</translation>
    </message>
    <message>
        <source>Saved to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务端</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>peer</source>
        <translation>对等端</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>socklab::OsiModelWidget</name>
    <message>
        <source>Application</source>
        <translation>应用层</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>表示层</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话层</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>传输层</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络层</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链路层</translation>
    </message>
    <message>
        <source>Physical</source>
        <translation>物理层</translation>
    </message>
    <message>
        <source>TCP/IP (5 layers)</source>
        <translation>TCP/IP（5 层）</translation>
    </message>
    <message>
        <source>OSI (7 layers)</source>
        <translation>OSI（7 层）</translation>
    </message>
</context>
<context>
    <name>socklab::PacketLayersPane</name>
    <message>
        <source>Link layer</source>
        <translation>链路层</translation>
    </message>
    <message>
        <source>Network layer</source>
        <translation>网络层</translation>
    </message>
    <message>
        <source>Transport layer</source>
        <translation>传输层</translation>
    </message>
    <message>
        <source>Application layer</source>
        <translation>应用层</translation>
    </message>
    <message>
        <source>%1 (relative) · %2 (absolute)</source>
        <translation>%1（相对）· %2（绝对）</translation>
    </message>
    <message>
        <source>%1 (ACK not set: ignored)</source>
        <translation>%1（未设置 ACK：忽略）</translation>
    </message>
    <message>
        <source>As hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>As text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>⚠ Derived from the protocol — not captured: socklab inferred this segment, so there are no bytes to show.</source>
        <translation>⚠ 根据协议推导——并非抓到的报文：这个报文是 socklab 推断出来的，因此没有字节可显示。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>No captured bytes.</source>
        <translation>没有抓到的字节。</translation>
    </message>
    <message>
        <source>No packet yet. Select a segment in the event log or on the ladder.</source>
        <translation>还没有报文。请在事件日志或时序图中选择一个报文。</translation>
    </message>
    <message>
        <source>#%1  %2 → %3   %4   (%5 s)</source>
        <translation>#%1  %2 → %3   %4   （%5 秒）</translation>
    </message>
    <message>
        <source>Loopback (lo): the frame never leaves the kernel, so there is no physical layer.</source>
        <translation>环回接口（lo）：帧从未离开内核，所以没有物理层。</translation>
    </message>
    <message>
        <source>Decoding stopped</source>
        <translation>解码已停止</translation>
    </message>
    <message>
        <source>derived — not captured</source>
        <translation>推导——未抓到</translation>
    </message>
    <message>
        <source>Payload length</source>
        <translation>载荷长度</translation>
    </message>
    <message>
        <source>⚠ Captured, but its bytes could not be read back from the capture file: below is what socklab kept in memory.</source>
        <translation>⚠ 已抓到，但无法从抓包文件读回它的字节：下面是 socklab 留在内存里的内容。</translation>
    </message>
    <message>
        <source>delayed %1 ms by socklab&apos;s wire</source>
        <translation>被 socklab 的线路延迟 %1 毫秒</translation>
    </message>
</context>
<context>
    <name>socklab::PaneDocks</name>
    <message>
        <source>Packet layers</source>
        <translation>报文分层</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <source>Lesson views</source>
        <translation>课程视图</translation>
    </message>
</context>
<context>
    <name>socklab::PlaybackBar</name>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>To the beginning</source>
        <translation>回到开头</translation>
    </message>
    <message>
        <source>To the beginning (Home)</source>
        <translation>回到开头（Home）</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Step back (← or Page Up): replays the recording, nothing is undone in the kernel</source>
        <translation>后退一步（← 或 Page Up）：回放记录，内核中的操作不会被撤销</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>To the end of the recording</source>
        <translation>跳到记录末尾</translation>
    </message>
    <message>
        <source>To the end of the recording (End)</source>
        <translation>跳到记录末尾（End）</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>减速</translation>
    </message>
    <message>
        <source>Slower (−)</source>
        <translation>减速（−）</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>加速</translation>
    </message>
    <message>
        <source>Faster (+)</source>
        <translation>加速（+）</translation>
    </message>
    <message>
        <source>Drag to any moment of the recording</source>
        <translation>拖动到记录中的任意时刻</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>event %1 / %2</source>
        <translation>事件 %1 / %2</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Start again with fresh sockets (Ctrl+Shift+R)</source>
        <translation>用新的套接字重新开始（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Step (→ or Page Down): one socket call with all it caused; at the end of the recording, runs the next real call. Shift+→ goes event by event</source>
        <translation>单步（→ 或 Page Down）：一次套接字调用及它引起的一切；到录制末尾时运行下一个真实调用。Shift+→ 逐个事件前进</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>下一个事件</translation>
    </message>
    <message>
        <source>One event forward (Shift+→)</source>
        <translation>前进一个事件（Shift+→）</translation>
    </message>
    <message>
        <source>Previous event</source>
        <translation>上一个事件</translation>
    </message>
    <message>
        <source>One event back (Shift+←)</source>
        <translation>后退一个事件（Shift+←）</translation>
    </message>
</context>
<context>
    <name>socklab::ProgramConsole</name>
    <message>
        <source>End input</source>
        <translation>结束输入</translation>
    </message>
    <message>
        <source>Type a line for this program&apos;s input() and press Enter</source>
        <translation>为这个程序的 input() 输入一行，然后按回车</translation>
    </message>
    <message>
        <source>Close the program&apos;s standard input (end of file, like Ctrl+D)</source>
        <translation>关闭程序的标准输入（文件结束，相当于 Ctrl+D）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Let this program&apos;s held socket call run (one call)</source>
        <translation>放行这个程序被拦住的套接字调用（一次一个调用）</translation>
    </message>
</context>
<context>
    <name>socklab::RecordingSources</name>
    <message>
        <source>&amp;Run my programs…</source>
        <translation>运行我的程序(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Attach to a running program…</source>
        <translation>附加到正在运行的程序(&amp;A)…</translation>
    </message>
    <message>
        <source>Watch a port of programs already running on this computer (observation only)</source>
        <translation>观察本机上已在运行的程序所用的端口（只观察）</translation>
    </message>
</context>
<context>
    <name>socklab::RunProgramsDialog</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Run my programs</source>
        <translation>运行我的程序</translation>
    </message>
    <message>
        <source>Open an example…</source>
        <translation>打开示例…</translation>
    </message>
    <message>
        <source>e.g. python3 server.py</source>
        <translation>例如 python3 server.py</translation>
    </message>
    <message>
        <source>e.g. python3 client.py (optional, starts once the first one listens)</source>
        <translation>例如 python3 client.py（可选，在第一个程序开始监听后启动）</translation>
    </message>
    <message>
        <source>Programs run inside socklab&apos;s private lab network: only they can reach each other.</source>
        <translation>程序在 socklab 的私有实验网络中运行：只有它们彼此之间能够互相访问。</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>示例：</translation>
    </message>
    <message>
        <source>First program:</source>
        <translation>第一个程序：</translation>
    </message>
    <message>
        <source>Second program:</source>
        <translation>第二个程序：</translation>
    </message>
    <message>
        <source>Type a command to run first, or open an example.</source>
        <translation>请先输入要运行的命令，或打开一个示例。</translation>
    </message>
    <message>
        <source>Cannot run: %1</source>
        <translation>无法运行：%1</translation>
    </message>
    <message>
        <source>Running… (stops by itself after %1 s)</source>
        <translation>运行中…（%1 秒后自动停止）</translation>
    </message>
    <message>
        <source>Running… (stops by itself after %1 min)</source>
        <translation>运行中…（%1 分钟后自动停止）</translation>
    </message>
    <message>
        <source>Finished: every program exited normally.</source>
        <translation>已结束：所有程序都正常退出。</translation>
    </message>
    <message>
        <source>Finished with problems:</source>
        <translation>已结束，但有问题：</translation>
    </message>
    <message>
        <source>Step through socket calls</source>
        <translation>逐个套接字调用单步运行</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Every socket call waits before it runs until you press Step</source>
        <translation>每个套接字调用在执行前都会等待，直到你按下“单步”</translation>
    </message>
    <message>
        <source>Let the socket call that has waited longest run (one call)</source>
        <translation>放行等待最久的那个套接字调用（一次一个调用）</translation>
    </message>
    <message>
        <source>Let every program run freely again</source>
        <translation>让所有程序重新自由运行</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>尚未启动</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>waits at the gate before %1()</source>
        <translation>在闸门处等待，即将调用 %1()</translation>
    </message>
    <message>
        <source>waits at the gate before %1() at %2</source>
        <translation>在闸门处等待，即将调用 %1()（%2）</translation>
    </message>
    <message>
        <source>blocked in the kernel in %1() for %2 s</source>
        <translation>在内核中阻塞于 %1()，已 %2 秒</translation>
    </message>
    <message>
        <source>blocked in the kernel in %1() at %2 for %3 s</source>
        <translation>在内核中阻塞于 %1()（%2），已 %3 秒</translation>
    </message>
    <message>
        <source>%1 waits in %2()</source>
        <translation>%1 正在 %2() 中等待</translation>
    </message>
    <message>
        <source>Held at the gate: %1 — press Step</source>
        <translation>被闸门拦住：%1 —— 请按“单步”</translation>
    </message>
    <message>
        <source>%1 — step %2</source>
        <translation>%1 —— 请单步 %2</translation>
    </message>
    <message>
        <source>Wire:</source>
        <translation>线路：</translation>
    </message>
    <message>
        <source>Through socklab&apos;s wire</source>
        <translation>经过 socklab 的线路</translation>
    </message>
    <message>
        <source>Every packet of the programs passes socklab, which can lose, delay, hold or drop it (the programs keep 127.0.0.1)</source>
        <translation>程序的每个数据包都经过 socklab，它可以丢失、延迟、扣住或丢弃数据包（程序仍使用 127.0.0.1）</translation>
    </message>
    <message>
        <source>The share of packets the wire loses, each way</source>
        <translation>线路在每个方向上丢失的数据包比例</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>How long every packet is on its way</source>
        <translation>每个数据包在路上要走多久</translation>
    </message>
    <message>
        <source>The delay varies by up to this much, either way</source>
        <translation>延迟上下浮动最多这么多</translation>
    </message>
    <message>
        <source>The largest packet on the lab&apos;s link: a big send() becomes segments of this size</source>
        <translation>实验室链路上最大的数据包：一次大的 send() 会被分成这么大的报文段</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>The same seed loses the same packets again</source>
        <translation>同一个种子会再次丢失同样的数据包</translation>
    </message>
    <message>
        <source>Hold the next packet</source>
        <translation>扣住下一个数据包</translation>
    </message>
    <message>
        <source>Stop time on the next SYN, FIN or data segment: the wire keeps it until Release or Drop (F6)</source>
        <translation>在下一个 SYN、FIN 或数据报文段处让时间停下：线路扣住它，直到按“放行”或“丢弃”（F6）</translation>
    </message>
    <message>
        <source>Loss:</source>
        <translation>丢包：</translation>
    </message>
    <message>
        <source>Delay:</source>
        <translation>延迟：</translation>
    </message>
    <message>
        <source>Jitter:</source>
        <translation>抖动：</translation>
    </message>
    <message>
        <source>MTU:</source>
        <translation>MTU：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Held by the wire: %1 from %2 (%3)</source>
        <translation>被线路扣住：%2 发出的 %1（%3）</translation>
    </message>
    <message>
        <source>Release (F7)</source>
        <translation>放行（F7）</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>Let this packet go on to its receiver</source>
        <translation>让这个数据包继续发往接收方</translation>
    </message>
    <message>
        <source>Drop (F8)</source>
        <translation>丢弃（F8）</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Lose this packet: the sender&apos;s kernel will send it again if it is TCP</source>
        <translation>丢掉这个数据包：如果是 TCP，发送方的内核会重发它</translation>
    </message>
</context>
<context>
    <name>socklab::ScenarioListPane</name>
    <message>
        <source>&lt;b&gt;Scenarios&lt;/b&gt;</source>
        <translation>&lt;b&gt;场景&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Scenario id: %1 (socklab run %1)</source>
        <translation>场景编号：%1（socklab run %1）</translation>
    </message>
</context>
<context>
    <name>socklab::ScenarioMenu</name>
    <message>
        <source>&amp;Scenario</source>
        <translation>场景(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Next scenario</source>
        <translation>下一个场景(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous scenario</source>
        <translation>上一个场景(&amp;P)</translation>
    </message>
</context>
<context>
    <name>socklab::SessionController</name>
    <message>
        <source>There is no scenario called “%1”.</source>
        <translation>没有名为“%1”的场景。</translation>
    </message>
    <message>
        <source>Could not start the scenario on real sockets: %1</source>
        <translation>无法在真实套接字上启动该场景：%1</translation>
    </message>
    <message>
        <source>The step could not run: %1</source>
        <translation>这一步无法执行：%1</translation>
    </message>
    <message>
        <source>Could not open the session %1: %2</source>
        <translation>无法打开会话 %1：%2</translation>
    </message>
    <message>
        <source>Could not save the session: %1</source>
        <translation>无法保存会话：%1</translation>
    </message>
    <message>
        <source>There are no captured packets to export: this session has only derived segments (states-only mode) or has not sent any packet yet.</source>
        <translation>没有可导出的抓包数据：这个会话只有推导出的报文（仅状态模式），或者还没有发送任何报文。</translation>
    </message>
    <message>
        <source>Could not write the pcap file: %1</source>
        <translation>无法写入 pcap 文件：%1</translation>
    </message>
    <message>
        <source>Private lab: packets captured in socklab&apos;s own network namespace</source>
        <translation>私有实验室：在 socklab 自己的网络命名空间中抓包</translation>
    </message>
    <message>
        <source>Host loopback: packets captured on this computer&apos;s lo</source>
        <translation>主机环回：在本机的 lo 接口上抓包</translation>
    </message>
    <message>
        <source>States only: no capture permission, segments are derived (*)</source>
        <translation>仅状态：没有抓包权限，报文由推导得出（*）</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>尚未启动</translation>
    </message>
    <message>
        <source>socklab made a private network of its own: its 127.0.0.1 is invisible to the rest of the computer, and every packet shown was really captured by the kernel.</source>
        <translation>socklab 建立了一个自己的私有网络：其中的 127.0.0.1 对计算机的其他部分不可见，显示的每个报文都确实是由内核抓到的。</translation>
    </message>
    <message>
        <source>The sockets run on this computer&apos;s loopback interface; the packets shown were captured there.</source>
        <translation>套接字运行在本机的环回接口上；显示的报文就是在那里抓到的。</translation>
    </message>
    <message>
        <source>Packets could not be captured here. The states come from the kernel; the segments between them are reconstructed from the TCP rules and marked with *.</source>
        <translation>这里无法抓包。状态来自内核；状态之间的报文是根据 TCP 规则重建的，并标有 *。</translation>
    </message>
    <message>
        <source>Saved the session as %1</source>
        <translation>已将会话保存为 %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n packet(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个数据包写入 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 packets to %2, but %n could not be read back from the capture file and are missing from it.</source>
        <translation>
            <numerusform>已将 %1 个数据包写入 %2，但有 %n 个无法从抓包文件读回，文件中缺少它们。</numerusform>
        </translation>
    </message>
</context>
</TS>
