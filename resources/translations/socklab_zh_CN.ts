<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Captions</name>
    <message>
        <location filename="../../ui/Captions.cpp" line="70"/>
        <source>ConnectionRefusedError: nobody listens on that port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="72"/>
        <source>BrokenPipeError: the connection is already closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="74"/>
        <source>ConnectionResetError: the peer reset the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="76"/>
        <source>OSError: the address is already in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="84"/>
        <source>The %1 calls %2: it fails with %3 (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="87"/>
        <source>The %1 calls %2: it returns %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="89"/>
        <source>The %1 calls %2: it blocks, waiting in the kernel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="90"/>
        <source>The %1 calls %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="149"/>
        <source>The server creates a stream socket (SOCK_STREAM): socket() returns descriptor %1. Nothing goes on the wire yet — a new socket is just a kernel object in state CLOSED.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="154"/>
        <source>The client creates its own socket: descriptor %1. Its port is not chosen yet; the kernel picks a free one when it connects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="159"/>
        <source>bind() gives the server&apos;s socket its address 127.0.0.1 and port, so clients know where to find it. It returns %1; still no packet is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="164"/>
        <source>listen() turns the socket into a listening socket: the kernel moves it to LISTEN and will now answer SYNs by itself, queueing finished connections (backlog %1) until accept() takes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="170"/>
        <source>The server calls accept(). No connection is waiting in the queue, so accept() blocks: the server&apos;s thread sleeps in the kernel until a client completes the handshake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="173"/>
        <source>accept() takes a finished connection from the queue and returns a new connected socket (descriptor %1) for client %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="183"/>
        <source>The client calls connect(): its kernel sends SYN (seq=%1, ISN %2); the server&apos;s kernel answers SYN,ACK ack=%3; the client&apos;s kernel sends ACK ack=%4 — connect() returns %5 once the handshake is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="193"/>
        <source>The server&apos;s program took no part: the kernel did the handshake, and the blocked accept() now returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="198"/>
        <source>The client calls connect() to a port where nobody listens. Its kernel sends SYN; the kernel on the other side answers RST (%1), so connect() fails with %2 — %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="203"/>
        <source>The client calls send(%1): the bytes are copied into its send buffer and send() returns %2 at once; the kernel then carries them in a segment (%3) and the peer&apos;s kernel acknowledges them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="209"/>
        <source>The server answers with send(): %1 bytes go into its send buffer and out in a segment (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="213"/>
        <source>The %1 calls recv(1024): the bytes were already waiting in its receive buffer, so recv() returns at once with %2 bytes: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="219"/>
        <source>The server calls recv(): it returns b&apos;&apos; at once — the peer has closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="220"/>
        <source>The server calls recv() again. Its receive buffer is empty, so recv() blocks until data or the peer&apos;s FIN arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="225"/>
        <source>The client calls close(): its kernel sends FIN (%1). The server&apos;s kernel acknowledges it and the server&apos;s blocked recv() returns b&apos;&apos; — the empty result means &quot;the peer closed&quot;. The client waits in FIN_WAIT_2 for the server&apos;s FIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="231"/>
        <source>The server calls close(): its kernel sends its own FIN and the client&apos;s kernel answers ACK (%1). The client keeps the connection in TIME_WAIT for %2 s so that a lost last ACK can be repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="239"/>
        <source>The server closed quickly, so its delayed ACK rode on its FIN: 3 segments appear instead of 4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="245"/>
        <source>The server closes its listening socket: no segment is sent, the port stops accepting connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="248"/>
        <source>The server closes its connected socket: its kernel sends FIN (%1). The client is not told at once — it only learns when it next uses the socket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="253"/>
        <source>The client sends anyway: send() returns %1 because the bytes only had to reach its own send buffer. The server&apos;s kernel has no socket to give them to and answers RST (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="258"/>
        <source>The client sends again. The RST has already closed the connection, so this send() fails with %1 — %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="264"/>
        <source>recv() on the closed connection returns %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="265"/>
        <source>recv() on the reset connection fails with %1 — %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="267"/>
        <source>The server closes its socket while %1 unread bytes sit in its receive buffer. Data would be lost silently, so the kernel sends RST instead of FIN (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="273"/>
        <source>The client calls recv(): the RST has already torn the connection down, so recv() fails with %1 — %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="285"/>
        <source>%1 calls %2%3()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="288"/>
        <source>%1: %2() blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="290"/>
        <source>%1: %2() fails with %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="291"/>
        <source>%1: %2() returns %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="296"/>
        <source>%1 → %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="299"/>
        <source>(derived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="304"/>
        <source>derived from the segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="305"/>
        <source>reported by the kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="306"/>
        <source>%1 %2 is now %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="310"/>
        <source>%1: %2 connection(s) wait for accept() (backlog %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="312"/>
        <source>%1 %2: %3 bytes unread, %4 bytes not yet acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="316"/>
        <source>%1 %2: %3 timer, %4 ms left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="320"/>
        <source>Step %1: %2 calls %3()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="323"/>
        <source>%1: the ACK of the peer&apos;s FIN rode on this FIN (3-segment teardown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="325"/>
        <source>%1: the kernel says %2, the derivation said %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="328"/>
        <source>Capture mode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/Captions.cpp" line="329"/>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ladder</name>
    <message>
        <location filename="../../ui/LadderLayout.cpp" line="59"/>
        <source>accept() — waiting for a connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LadderLayout.cpp" line="61"/>
        <source>%1() — waiting for data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LadderLayout.cpp" line="63"/>
        <source>%1() — waiting for buffer space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LadderLayout.cpp" line="65"/>
        <source>connect() — waiting for the handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LadderLayout.cpp" line="66"/>
        <source>%1() — blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LadderLayout.cpp" line="131"/>
        <source>Step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LadderLayout.cpp" line="136"/>
        <source>ACK rode on this FIN: 3 segments, not 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LadderLayout.cpp" line="200"/>
        <source>TIME_WAIT timer: %1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LadderRenderer.cpp" line="19"/>
        <source>client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LadderRenderer.cpp" line="20"/>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LadderRenderer.cpp" line="190"/>
        <location filename="../../ui/LadderRenderer.cpp" line="393"/>
        <source>* derived from the segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LadderRenderer.cpp" line="392"/>
        <source>state seen by the kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/LadderRenderer.cpp" line="399"/>
        <source>reset / error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PacketField</name>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="218"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="219"/>
        <location filename="../../core/PacketDecoder.cpp" line="258"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="224"/>
        <source>VLAN tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="230"/>
        <location filename="../../core/PacketDecoder.cpp" line="691"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="249"/>
        <source>Packet type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="251"/>
        <source>Link-layer address type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="256"/>
        <source>Link-layer address length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="260"/>
        <location filename="../../core/PacketDecoder.cpp" line="345"/>
        <location filename="../../core/PacketDecoder.cpp" line="650"/>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="262"/>
        <source>Interface index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="277"/>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="330"/>
        <location filename="../../core/PacketDecoder.cpp" line="415"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="331"/>
        <location filename="../../core/PacketDecoder.cpp" line="495"/>
        <source>Header length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="333"/>
        <source>Differentiated services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="334"/>
        <location filename="../../core/PacketDecoder.cpp" line="417"/>
        <source>DSCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="335"/>
        <location filename="../../core/PacketDecoder.cpp" line="418"/>
        <source>ECN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="336"/>
        <source>Total length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="337"/>
        <source>Identification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="339"/>
        <location filename="../../core/PacketDecoder.cpp" line="497"/>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="340"/>
        <source>Reserved bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="341"/>
        <source>Don&apos;t fragment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="342"/>
        <source>More fragments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="343"/>
        <source>Fragment offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="344"/>
        <source>Time to live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="346"/>
        <source>Header checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="347"/>
        <source>Calculated checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="349"/>
        <location filename="../../core/PacketDecoder.cpp" line="423"/>
        <location filename="../../core/PacketDecoder.cpp" line="641"/>
        <source>Source address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="350"/>
        <location filename="../../core/PacketDecoder.cpp" line="424"/>
        <location filename="../../core/PacketDecoder.cpp" line="642"/>
        <source>Destination address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="352"/>
        <location filename="../../core/PacketDecoder.cpp" line="502"/>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="372"/>
        <source>Hop-by-hop options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="373"/>
        <source>Routing header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="374"/>
        <source>Fragment header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="375"/>
        <source>Authentication header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="376"/>
        <source>Destination options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="416"/>
        <source>Traffic class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="419"/>
        <source>Flow label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="420"/>
        <source>Payload length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="421"/>
        <source>Next header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="422"/>
        <source>Hop limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="476"/>
        <source>Accurate ECN (AE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="477"/>
        <source>Congestion window reduced (CWR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="478"/>
        <source>ECN-Echo (ECE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="479"/>
        <source>Urgent (URG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="480"/>
        <source>Acknowledgment (ACK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="481"/>
        <source>Push (PSH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="482"/>
        <source>Reset (RST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="483"/>
        <source>Syn (SYN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="484"/>
        <source>Fin (FIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="488"/>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="491"/>
        <location filename="../../core/PacketDecoder.cpp" line="616"/>
        <location filename="../../core/PacketDecoder.cpp" line="655"/>
        <source>Source port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="492"/>
        <location filename="../../core/PacketDecoder.cpp" line="617"/>
        <location filename="../../core/PacketDecoder.cpp" line="656"/>
        <source>Destination port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="493"/>
        <location filename="../../core/PacketDecoder.cpp" line="699"/>
        <source>Sequence number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="494"/>
        <source>Acknowledgment number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="498"/>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="499"/>
        <location filename="../../core/PacketDecoder.cpp" line="619"/>
        <location filename="../../core/PacketDecoder.cpp" line="693"/>
        <source>Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="500"/>
        <source>Urgent pointer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="527"/>
        <source>End of option list (EOL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="532"/>
        <source>No-operation (NOP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="552"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="553"/>
        <location filename="../../core/PacketDecoder.cpp" line="618"/>
        <location filename="../../core/PacketDecoder.cpp" line="725"/>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="556"/>
        <source>MSS value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="557"/>
        <source>Maximum segment size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="561"/>
        <source>Shift count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="562"/>
        <source>Window scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="567"/>
        <source>SACK permitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="573"/>
        <source>Timestamp value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="574"/>
        <source>Timestamp echo reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="575"/>
        <source>Timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="583"/>
        <source>Left edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="584"/>
        <source>Right edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="586"/>
        <source>SACK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="591"/>
        <source>Unknown option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="634"/>
        <source>Original datagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="692"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="698"/>
        <source>Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="703"/>
        <source>MTU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="705"/>
        <source>Next-hop MTU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="709"/>
        <location filename="../../core/PacketDecoder.cpp" line="724"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="727"/>
        <source>Captured length</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PacketLayer</name>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="216"/>
        <source>Ethernet II</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="245"/>
        <source>Linux cooked capture v2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="246"/>
        <source>Linux cooked capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="275"/>
        <source>Null/Loopback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="327"/>
        <source>IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="413"/>
        <source>IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="471"/>
        <source>TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="611"/>
        <source>UDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="689"/>
        <source>ICMPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="689"/>
        <source>ICMP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/PacketDecoder.cpp" line="721"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../core/BufferScenarios.cpp" line="16"/>
        <location filename="../../core/ScenarioCatalog.cpp" line="106"/>
        <source>Send and receive buffers, zero window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/ConnectionScenarios.cpp" line="32"/>
        <location filename="../../core/ScenarioCatalog.cpp" line="113"/>
        <source>listen(n): a full accept queue drops SYNs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/ConnectionScenarios.cpp" line="59"/>
        <location filename="../../core/ScenarioCatalog.cpp" line="114"/>
        <source>TIME_WAIT holds the port: SO_REUSEADDR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/ConnectionScenarios.cpp" line="88"/>
        <location filename="../../core/ScenarioCatalog.cpp" line="115"/>
        <source>Homework: serve the next client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/ConnectionScenarios.cpp" line="130"/>
        <location filename="../../core/ScenarioCatalog.cpp" line="116"/>
        <source>127.0.0.1 or 0.0.0.0: which bind accepts what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/FixScenarios.cpp" line="73"/>
        <location filename="../../core/ScenarioCatalog.cpp" line="108"/>
        <source>Fix 1: an end marker after each message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/FixScenarios.cpp" line="90"/>
        <location filename="../../core/ScenarioCatalog.cpp" line="109"/>
        <source>Fix 2: a header with the length (&quot;Y 18 abcd…&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/FixScenarios.cpp" line="105"/>
        <location filename="../../core/ScenarioCatalog.cpp" line="111"/>
        <source>Fix 3: take turns, one message per recv()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/ScenarioCatalog.cpp" line="15"/>
        <location filename="../../core/ScenarioCatalog.cpp" line="100"/>
        <source>Three-way handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/ScenarioCatalog.cpp" line="27"/>
        <location filename="../../core/ScenarioCatalog.cpp" line="101"/>
        <source>Echo: the lesson&apos;s server and client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/ScenarioCatalog.cpp" line="45"/>
        <location filename="../../core/ScenarioCatalog.cpp" line="102"/>
        <source>Four-way teardown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/ScenarioCatalog.cpp" line="58"/>
        <location filename="../../core/ScenarioCatalog.cpp" line="103"/>
        <source>Connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/ScenarioCatalog.cpp" line="68"/>
        <location filename="../../core/ScenarioCatalog.cpp" line="104"/>
        <source>Broken pipe: send() after the peer left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/ScenarioCatalog.cpp" line="82"/>
        <location filename="../../core/ScenarioCatalog.cpp" line="105"/>
        <source>Reset: close() with unread data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/ScenarioCatalog.cpp" line="107"/>
        <location filename="../../core/StickyScenarios.cpp" line="24"/>
        <source>Sticky packets: message boundaries lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/ScenarioCatalog.cpp" line="112"/>
        <location filename="../../core/UdpScenarios.cpp" line="19"/>
        <source>UDP: datagrams, truncation, port unreachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>socklab::CodePane</name>
    <message>
        <location filename="../../ui/CodePane.cpp" line="20"/>
        <source>No code to show for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/CodePane.cpp" line="149"/>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/CodePane.cpp" line="151"/>
        <source>⏳ blocked in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/CodePane.cpp" line="153"/>
        <source>▶ line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>socklab::ErrorBanner</name>
    <message>
        <location filename="../../ui/ErrorBanner.cpp" line="36"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>socklab::EventLogModel</name>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="41"/>
        <source>call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="42"/>
        <source>return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="43"/>
        <source>segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="44"/>
        <source>datagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="45"/>
        <source>state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="46"/>
        <source>queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="47"/>
        <source>timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="48"/>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="73"/>
        <source>derived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="73"/>
        <source>kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="78"/>
        <source>Inferred by socklab from the protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="79"/>
        <source>Observed in the kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="126"/>
        <source>Time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="127"/>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="128"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="129"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="130"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>socklab::EventLogPane</name>
    <message>
        <location filename="../../ui/EventLogPane.cpp" line="28"/>
        <source>Follow cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogPane.cpp" line="44"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogPane.cpp" line="52"/>
        <source>Actor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogPane.cpp" line="55"/>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/EventLogPane.cpp" line="118"/>
        <source>All actors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>socklab::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="145"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="146"/>
        <source>&amp;Open session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="147"/>
        <source>&amp;Save session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="148"/>
        <source>Export &amp;pcap…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="149"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="150"/>
        <source>&amp;Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="151"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="152"/>
        <source>&amp;Presenter mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="153"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="154"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="155"/>
        <source>&amp;Glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="156"/>
        <source>&amp;About socklab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="157"/>
        <source>Packet layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="158"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="159"/>
        <source>Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="179"/>
        <source>The Chinese translation could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="206"/>
        <source>socklab — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="217"/>
        <source>Step %1 of %2 · %3 %4()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="239"/>
        <source>⏳ running step %1 on real sockets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="240"/>
        <source>⏳ opening the lab…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="247"/>
        <source>Capture: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="250"/>
        <source>Replaying a saved session: no sockets are opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="252"/>
        <source>%1 of %2 steps run on real sockets. Step past the end to run the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="256"/>
        <source>All %1 steps have run. Step back to replay, or Reset for fresh sockets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="290"/>
        <source>Open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="291"/>
        <location filename="../../ui/MainWindow.cpp" line="304"/>
        <source>socklab sessions (*.socklab.json *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="303"/>
        <source>Save session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="310"/>
        <source>Export pcap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="312"/>
        <source>Packet captures (*.pcap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="326"/>
        <source>&lt;p&gt;The words of the lesson, in English and Chinese.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="330"/>
        <source>Glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="335"/>
        <source>About socklab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="336"/>
        <source>&lt;h3&gt;socklab&lt;/h3&gt;&lt;p&gt;Watch real TCP and UDP sockets on the real Linux kernel: every step runs a real socket call in a private network lab, and what the kernel does (segments, states, buffers) is recorded and animated.&lt;/p&gt;&lt;p&gt;Facts marked * are derived from the captured segments; all others were observed in the kernel.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>socklab::NarrationBar</name>
    <message>
        <location filename="../../ui/NarrationBar.cpp" line="40"/>
        <source>Press Step (→) to make the first socket call. Each step runs on real sockets; Back (←) replays what was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/NarrationBar.cpp" line="54"/>
        <source>* = derived from segments (not seen directly by polling the kernel)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>socklab::OsiModelWidget</name>
    <message>
        <location filename="../../ui/OsiModelWidget.cpp" line="44"/>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OsiModelWidget.cpp" line="45"/>
        <source>Presentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OsiModelWidget.cpp" line="46"/>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OsiModelWidget.cpp" line="47"/>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OsiModelWidget.cpp" line="48"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OsiModelWidget.cpp" line="49"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OsiModelWidget.cpp" line="50"/>
        <source>Physical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OsiModelWidget.cpp" line="60"/>
        <location filename="../../ui/OsiModelWidget.cpp" line="89"/>
        <source>TCP/IP (5 layers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/OsiModelWidget.cpp" line="88"/>
        <source>OSI (7 layers)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>socklab::PacketLayersPane</name>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="30"/>
        <source>Link layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="31"/>
        <source>Network layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="32"/>
        <source>Transport layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="33"/>
        <source>Application layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="53"/>
        <location filename="../../ui/PacketLayersPane.cpp" line="56"/>
        <source>%1 (relative) · %2 (absolute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="55"/>
        <source>%1 (ACK not set: ignored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="72"/>
        <source>As hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="74"/>
        <source>As text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="92"/>
        <source>⚠ Derived from the protocol — not captured: socklab inferred this segment, so there are no bytes to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="100"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="100"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="109"/>
        <source>No captured bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="184"/>
        <source>No packet yet. Select a segment in the event log or on the ladder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="194"/>
        <source>#%1  %2 → %3   %4   (%5 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="212"/>
        <source>Loopback (lo): the frame never leaves the kernel, so there is no physical layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="234"/>
        <source>Decoding stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="244"/>
        <source>derived — not captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PacketLayersPane.cpp" line="266"/>
        <source>Payload length</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>socklab::PlaybackBar</name>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="105"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="107"/>
        <source>Start again with fresh sockets (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="108"/>
        <source>To the beginning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="110"/>
        <source>To the beginning (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="111"/>
        <source>Step back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="113"/>
        <source>Step back (← or Page Up): replays the recording, nothing is undone in the kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="114"/>
        <source>Play / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="115"/>
        <source>Play / pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="116"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="118"/>
        <source>Step (→ or Page Down): at the end of the recording, runs the next real socket call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="119"/>
        <source>To the end of the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="121"/>
        <source>To the end of the recording (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="122"/>
        <source>Slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="124"/>
        <source>Slower (−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="125"/>
        <source>Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="127"/>
        <source>Faster (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="128"/>
        <source>Drag to any moment of the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="141"/>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/PlaybackBar.cpp" line="142"/>
        <source>event %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>socklab::ScenarioListPane</name>
    <message>
        <location filename="../../ui/ScenarioListPane.cpp" line="52"/>
        <source>&lt;b&gt;Scenarios&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ScenarioListPane.cpp" line="57"/>
        <source>Scenario id: %1 (socklab run %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>socklab::SessionController</name>
    <message>
        <location filename="../../ui/SessionController.cpp" line="44"/>
        <source>There is no scenario called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="103"/>
        <source>Could not start the scenario on real sockets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="107"/>
        <source>The step could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="114"/>
        <source>Could not open the session %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="136"/>
        <source>Could not save the session: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="151"/>
        <source>There are no captured packets to export: this session has only derived segments (states-only mode) or has not sent any packet yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="157"/>
        <source>Could not write the pcap file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="170"/>
        <source>Private lab: packets captured in socklab&apos;s own network namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="171"/>
        <source>Host loopback: packets captured on this computer&apos;s lo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="173"/>
        <source>States only: no capture permission, segments are derived (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="174"/>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="180"/>
        <source>socklab made a private network of its own: its 127.0.0.1 is invisible to the rest of the computer, and every packet shown was really captured by the kernel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="183"/>
        <source>The sockets run on this computer&apos;s loopback interface; the packets shown were captured there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/SessionController.cpp" line="186"/>
        <source>Packets could not be captured here. The states come from the kernel; the segments between them are reconstructed from the TCP rules and marked with *.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
